package jp.santei;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Loading, ABI check and the shared calling conventions (UTF-8 in, owned buffers out). */
final class NativeSupport {
    /** System property naming the library to load (a name like "santei" or an absolute path). */
    static final String LIBRARY_PROPERTY = "santei.library";
    static final String DEFAULT_LIBRARY = "santei";

    private static final byte[] EMPTY = new byte[1]; // passed with length 0: never a NULL pointer

    private static volatile SanteiLibrary lib;

    private NativeSupport() {
    }

    /**
     * The loaded library, after checking {@code santei_abi_version() == Santei.ABI_VERSION}.
     *
     * @throws UnsatisfiedLinkError if the library cannot be found or has another ABI version
     */
    static SanteiLibrary lib() {
        SanteiLibrary l = lib;
        if (l == null) {
            synchronized (NativeSupport.class) {
                l = lib;
                if (l == null) {
                    String name = System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY);
                    SanteiLibrary loaded = Native.load(name, SanteiLibrary.class);
                    int abi = loaded.santei_abi_version();
                    if (abi != Santei.ABI_VERSION) {
                        throw new UnsatisfiedLinkError("libsantei (" + name + ") has ABI version "
                                + Integer.toUnsignedString(abi) + "; this binding requires "
                                + Santei.ABI_VERSION);
                    }
                    lib = l = loaded;
                }
            }
        }
        return l;
    }

    /** Strict UTF-8 encoding (an unpaired surrogate is an invalid argument, not a '?'). */
    static byte[] utf8(String s, String what) {
        if (s.isEmpty()) {
            return EMPTY;
        }
        try {
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new SanteiException(SanteiStatus.INVALID_ARGUMENT,
                    what + " is not valid UTF-16 (unpaired surrogate): " + e.getMessage());
        }
    }

    /** Length to pass along with {@link #utf8} output (the shared empty array has length 1). */
    static SanteiLibrary.SizeT len(byte[] bytes, String original) {
        return new SanteiLibrary.SizeT(original.isEmpty() ? 0 : bytes.length);
    }

    /** Array to pass for raw bytes (never a zero-length array, which JNA might pass as NULL). */
    static byte[] nonEmpty(byte[] data) {
        return data.length == 0 ? EMPTY : data;
    }

    static String decode(Pointer p) {
        return p == null ? "" : p.getString(0, StandardCharsets.UTF_8.name());
    }

    /** Throws the SanteiException for a non-OK status (reads the thread's last error message). */
    static void check(SanteiLibrary l, int status) {
        if (status != SanteiStatus.OK.value()) {
            throw SanteiException.fromStatus(status, decode(l.santei_last_error_message()));
        }
    }

    /** A call that fills {@code uint8_t **out, size_t *out_len}. */
    @FunctionalInterface
    interface BufferCall {
        int call(PointerByReference out, SanteiLibrary.SizeTByReference outLen);
    }

    /** Runs a buffer-returning call, copies the buffer as UTF-8 text and frees it. */
    static String callForString(SanteiLibrary l, BufferCall call) {
        return new String(callForBytes(l, call), StandardCharsets.UTF_8);
    }

    /** Runs {@code call}, copies the buffer it returns (bytes, e.g. a UKE file) and frees it. */
    static byte[] callForBytes(SanteiLibrary l, BufferCall call) {
        PointerByReference out = new PointerByReference();
        SanteiLibrary.SizeTByReference outLen = new SanteiLibrary.SizeTByReference();
        Pointer buffer = null;
        long length = 0;
        try {
            int status = call.call(out, outLen);
            buffer = out.getValue();
            length = outLen.getValue();
            check(l, status);
            if (buffer == null) {
                throw new SanteiException(SanteiStatus.PANIC, "library returned SANTEI_OK with a NULL buffer");
            }
            if (length > Integer.MAX_VALUE - 8) {
                throw new SanteiException(SanteiStatus.PANIC, "buffer of " + Long.toUnsignedString(length)
                        + " bytes is too large for a Java array");
            }
            return buffer.getByteArray(0, (int) length);
        } finally {
            if (buffer != null) {
                l.santei_buffer_free(buffer, new SanteiLibrary.SizeT(length));
            }
        }
    }
}
