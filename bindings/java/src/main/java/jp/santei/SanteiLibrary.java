package jp.santei;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * JNA mapping of {@code include/santei.h} (ABI version 1). Internal: use {@link Engine} and
 * {@link Santei}. {@code SanteiStatus} results are mapped as {@code int}, {@code size_t} as
 * {@link SizeT} (pointer-sized, unsigned), handles as opaque {@link Pointer}s.
 */
interface SanteiLibrary extends Library {

    /** {@code size_t}: an unsigned integer of the platform's pointer size. */
    final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** {@code size_t *} out-parameter. */
    final class SizeTByReference extends ByReference {
        public SizeTByReference() {
            super(Native.SIZE_T_SIZE);
            getPointer().setMemory(0, Native.SIZE_T_SIZE, (byte) 0);
        }

        long getValue() {
            return Native.SIZE_T_SIZE == 8
                    ? getPointer().getLong(0)
                    : Integer.toUnsignedLong(getPointer().getInt(0));
        }
    }

    int santei_abi_version();

    Pointer santei_version();

    Pointer santei_last_error_message();

    int santei_engine_new_from_dir(byte[] path, SizeT pathLen, PointerByReference out);

    int santei_master_files_new(PointerByReference out);

    int santei_master_files_add(Pointer files, byte[] name, SizeT nameLen, byte[] data, SizeT dataLen);

    void santei_master_files_free(Pointer files);

    int santei_engine_new_from_files(Pointer files, PointerByReference out);

    void santei_engine_free(Pointer engine);

    int santei_calculate_json(Pointer engine, byte[] request, SizeT requestLen,
                              PointerByReference out, SizeTByReference outLen);

    int santei_calculate_month_json(Pointer engine, byte[] request, SizeT requestLen,
                                    PointerByReference out, SizeTByReference outLen);

    int santei_calculate_copay_json(Pointer engine, byte[] request, SizeT requestLen,
                                    PointerByReference out, SizeTByReference outLen);

    int santei_check_json(Pointer engine, byte[] request, SizeT requestLen,
                          PointerByReference out, SizeTByReference outLen);

    int santei_check_uke_json(Pointer engine, byte[] bytes, SizeT len,
                              PointerByReference out, SizeTByReference outLen);

    int santei_read_uke_json(Pointer engine, byte[] bytes, SizeT len,
                             PointerByReference out, SizeTByReference outLen);

    int santei_write_uke(Pointer engine, byte[] json, SizeT jsonLen,
                         PointerByReference out, SizeTByReference outLen);

    int santei_diff_masters_json(Pointer engine, byte[] request, SizeT requestLen,
                                 PointerByReference out, SizeTByReference outLen);

    int santei_engine_info_json(Pointer engine, PointerByReference out, SizeTByReference outLen);

    void santei_buffer_free(Pointer ptr, SizeT len);
}
