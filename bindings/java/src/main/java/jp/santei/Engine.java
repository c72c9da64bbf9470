package jp.santei;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Loaded masters and the calculation ({@code SanteiEngine *}). Immutable once built: one engine may
 * serve many threads at once. Close it to free the native memory ({@link #close()} is idempotent and
 * waits for calls in progress; a {@link Cleaner} frees a forgotten engine as a safety net).
 *
 * <pre>{@code
 * try (Engine engine = Engine.fromDirectory(Path.of("masters"))) {
 *     String responseJson = engine.calculateJson(requestJson);
 *     String monthJson = engine.calculateMonthJson(monthRequestJson);
 *     String copayJson = engine.calculateCopayJson(copayRequestJson);
 *     String checkJson = engine.checkJson(checkRequestJson);
 *     String ukeJson = engine.checkUkeJson(Files.readAllBytes(Path.of("RECEIPTC.UKE")));
 *     String records = engine.readUkeJson(Files.readAllBytes(Path.of("RECEIPTC.UKE")));
 *     byte[] uke = engine.writeUke(records); // the same bytes
 *     String diffJson = engine.diffMastersJson("{\"from\":\"2024-09-30\",\"to\":\"2024-10-01\"}");
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** Frees the native engine; references only the pointer, never the Engine. */
    private static final class Free implements Runnable {
        private final SanteiLibrary lib;
        private final Pointer handle;

        Free(SanteiLibrary lib, Pointer handle) {
            this.lib = lib;
            this.handle = handle;
        }

        @Override
        public void run() {
            lib.santei_engine_free(handle);
        }
    }

    private final SanteiLibrary lib;
    private final Pointer handle;
    private final Cleaner.Cleanable cleanable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lock

    private Engine(SanteiLibrary lib, Pointer handle) {
        this.lib = lib;
        this.handle = handle;
        this.cleanable = CLEANER.register(this, new Free(lib, handle));
    }

    private static Engine adopt(SanteiLibrary lib, int status, PointerByReference out) {
        NativeSupport.check(lib, status); // on failure *out is NULL: nothing to free
        Pointer p = out.getValue();
        if (p == null) {
            throw new SanteiException(SanteiStatus.PANIC, "library returned SANTEI_OK with a NULL engine");
        }
        return new Engine(lib, p);
    }

    /**
     * Loads a master root (folders named {@code YYYY-MM-DD}) or one generation folder
     * ({@code santei_engine_new_from_dir}).
     *
     * @throws SanteiException e.g. {@code SANTEI_IO_ERROR}, {@code SANTEI_MASTER_ERROR}
     */
    public static Engine fromDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        String path = directory.toAbsolutePath().toString();
        byte[] bytes = NativeSupport.utf8(path, "directory");
        SanteiLibrary lib = NativeSupport.lib();
        PointerByReference out = new PointerByReference();
        int status = lib.santei_engine_new_from_dir(bytes, NativeSupport.len(bytes, path), out);
        return adopt(lib, status, out);
    }

    /**
     * Builds an engine from in-memory master files ({@code santei_master_files_*} and
     * {@code santei_engine_new_from_files}). Keys are paths under the master root, e.g.
     * {@code "2024-06-01/s_20240531.zip"} or {@code "2024-06-01/s_ALL20240531.csv"}; values the
     * files' bytes (copied; the order of the map does not matter).
     *
     * @throws SanteiException e.g. {@code SANTEI_MASTER_ERROR}
     */
    public static Engine fromFiles(Map<String, byte[]> files) {
        Objects.requireNonNull(files, "files");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Objects.requireNonNull(e.getKey(), "file name");
            Objects.requireNonNull(e.getValue(), () -> "data of " + e.getKey());
        }
        SanteiLibrary lib = NativeSupport.lib();
        PointerByReference setOut = new PointerByReference();
        NativeSupport.check(lib, lib.santei_master_files_new(setOut));
        Pointer set = setOut.getValue();
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                String name = e.getKey();
                byte[] nameBytes = NativeSupport.utf8(name, "file name");
                byte[] data = e.getValue();
                NativeSupport.check(lib, lib.santei_master_files_add(set,
                        nameBytes, NativeSupport.len(nameBytes, name),
                        NativeSupport.nonEmpty(data), new SanteiLibrary.SizeT(data.length)));
            }
            PointerByReference out = new PointerByReference();
            int status = lib.santei_engine_new_from_files(set, out);
            return adopt(lib, status, out);
        } finally {
            lib.santei_master_files_free(set);
        }
    }

    /**
     * Calculates one claim: {@code requestJson} is a CalcRequest as JSON; the result is the
     * CalcResponse as canonical JSON (compact, keys sorted).
     *
     * @throws SanteiException e.g. {@code SANTEI_PARSE_ERROR}, {@code SANTEI_INVALID_REQUEST},
     *                         {@code SANTEI_CALC_ERROR}
     * @throws IllegalStateException after {@link #close()}
     */
    public String calculateJson(String requestJson) {
        return callJson(requestJson, lib::santei_calculate_json);
    }

    /**
     * Calculates a month of visits as one レセプト ({@code santei_calculate_month_json}):
     * {@code requestJson} is a MonthRequest as JSON, e.g.
     * {@code {"month":"2024-06","patient":…,"insurance":…,"visits":[{"date":"2024-06-03","orders":[…]}]}};
     * the result is the MonthResponse as canonical JSON (compact, keys sorted).
     *
     * @throws SanteiException e.g. {@code SANTEI_PARSE_ERROR}, {@code SANTEI_INVALID_REQUEST}
     *                         (a month that is not YYYY-MM, a visit outside the month),
     *                         {@code SANTEI_CALC_ERROR}
     * @throws IllegalStateException after {@link #close()}
     */
    public String calculateMonthJson(String requestJson) {
        return callJson(requestJson, lib::santei_calculate_month_json);
    }

    /**
     * 患者負担金 of one レセプト ({@code santei_calculate_copay_json}): the 保険's 割合 and 高額療養費
     * 限度額, then each 公費 in priority order. {@code requestJson} is a CopayRequest as JSON, e.g.
     * {@code {"serviceDate":"2024-06-15","patient":…,"insurance":…,"publicExpenses":[{"houbetsu":"54","capYen":10000}],"parts":[{"points":…,"publicExpenses":[0]}]}}
     * ({@code insurance} and {@code publicExpenses} optional); the result is the CopayResponse as
     * canonical JSON (compact, keys sorted).
     *
     * @throws SanteiException e.g. {@code SANTEI_PARSE_ERROR}, {@code SANTEI_INVALID_REQUEST}
     *                         (an unknown 法別番号, a negative amount, a part naming no 公費 listed)
     * @throws IllegalStateException after {@link #close()}
     */
    public String calculateCopayJson(String requestJson) {
        return callJson(requestJson, lib::santei_calculate_copay_json);
    }

    /**
     * 事前審査 of a month's claim as billed ({@code santei_check_json}), against the masters in force
     * on the first day of its month. {@code requestJson} is a CheckRequest as JSON, e.g.
     * {@code {"month":"2024-06","patient":…,"insurance":…,"lines":[{"section":"11","items":[{"code":"111000110"}],"days":[{"day":3,"count":1}]}]}};
     * the result is the CheckResponse as canonical JSON (compact, keys sorted): findings with stable
     * codes, severity, ja/en messages, line / item / day and the data row, and their counts.
     *
     * @throws SanteiException e.g. {@code SANTEI_PARSE_ERROR}, {@code SANTEI_INVALID_REQUEST}
     *                         (a claim with no lines, a bad month, a day not in the month)
     * @throws IllegalStateException after {@link #close()}
     */
    public String checkJson(String requestJson) {
        return callJson(requestJson, lib::santei_check_json);
    }

    /**
     * 事前審査 of every receipt of a UKE file ({@code santei_check_uke_json}): {@code uke} is the
     * RECEIPTC.UKE file's bytes as they are on disk (記録条件仕様 医科, CP932 text — not JSON, not a
     * String); the result is the CheckUkeResponse as canonical JSON (compact, keys sorted):
     * {@code billingMonth}, per receipt its {@code receiptNo}, the {@code claim} it was read as and
     * its {@code check}, and the counts of findings. A receipt that cannot be checked (no master
     * generation for its month) is an {@code E-UKE-001} finding on it, not an exception.
     *
     * @throws SanteiException {@code SANTEI_PARSE_ERROR} for a file that is not a readable UKE (the
     *                         message names the line, record and field)
     * @throws IllegalStateException after {@link #close()}
     */
    public String checkUkeJson(byte[] uke) {
        Objects.requireNonNull(uke, "uke");
        byte[] bytes = NativeSupport.nonEmpty(uke);
        SanteiLibrary.SizeT len = new SanteiLibrary.SizeT(uke.length);
        return withHandle(h -> NativeSupport.callForString(lib,
                (out, outLen) -> lib.santei_check_uke_json(h, bytes, len, out, outLen)));
    }

    /**
     * A UKE file read into its records ({@code santei_read_uke_json}): {@code uke} is the
     * RECEIPTC.UKE file's bytes as they are on disk (記録条件仕様 医科, CP932 text — not JSON, not a
     * String); the result is the UkeFile as canonical JSON: {@code ir}, {@code receipts}
     * ({@code re} and its {@code records}, each tagged by {@code record}: "HO", "SI", …), {@code go},
     * {@code eofMark} (schema/uke-file.schema.json).
     *
     * @throws SanteiException {@code SANTEI_PARSE_ERROR} for a file that is not a readable UKE (the
     *                         message names the line, record and field)
     * @throws IllegalStateException after {@link #close()}
     */
    public String readUkeJson(byte[] uke) {
        Objects.requireNonNull(uke, "uke");
        byte[] bytes = NativeSupport.nonEmpty(uke);
        SanteiLibrary.SizeT len = new SanteiLibrary.SizeT(uke.length);
        return withHandle(h -> NativeSupport.callForString(lib,
                (out, outLen) -> lib.santei_read_uke_json(h, bytes, len, out, outLen)));
    }

    /**
     * A UKE file written from its records ({@code santei_write_uke}): {@code json} is a UkeFile
     * (what {@link #readUkeJson} returns, edited or not); the result is the file's exact bytes
     * (CP932, CRLF, the EOF code 0x1A when {@code eofMark}). Reading a file and writing its JSON back
     * gives the same bytes.
     *
     * @throws SanteiException {@code SANTEI_PARSE_ERROR} for JSON that is not a UkeFile,
     *                         {@code SANTEI_INVALID_REQUEST} for a value the file cannot hold (a
     *                         character CP932 cannot encode, …; the message names line, record, field)
     * @throws IllegalStateException after {@link #close()}
     */
    public byte[] writeUke(String json) {
        Objects.requireNonNull(json, "json");
        byte[] request = NativeSupport.utf8(json, "json");
        SanteiLibrary.SizeT len = NativeSupport.len(request, json);
        return withHandle(h -> NativeSupport.callForBytes(lib,
                (out, outLen) -> lib.santei_write_uke(h, request, len, out, outLen)));
    }

    /**
     * What changed in the masters between two dates of service ({@code santei_diff_masters_json}):
     * {@code requestJson} is a DiffRequest as JSON, e.g.
     * {@code {"from":"2024-09-30","to":"2024-10-01","kinds":["y"],"codes":["610412126"]}}
     * ({@code kinds} and {@code codes} optional); the result is the DiffResponse as canonical JSON.
     *
     * @throws SanteiException e.g. {@code SANTEI_PARSE_ERROR}, {@code SANTEI_INVALID_REQUEST},
     *                         {@code SANTEI_CALC_ERROR} (a date no loaded generation covers)
     * @throws IllegalStateException after {@link #close()}
     */
    public String diffMastersJson(String requestJson) {
        return callJson(requestJson, lib::santei_diff_masters_json);
    }

    /**
     * What the engine has loaded (version, generations, row counts, files) as canonical JSON.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public String infoJson() {
        return withHandle(h -> NativeSupport.callForString(lib,
                (out, outLen) -> lib.santei_engine_info_json(h, out, outLen)));
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native engine. Idempotent; waits for calls in progress on other threads. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                cleanable.clean();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The signature shared by the JSON calls: request bytes in, an owned buffer out. */
    @FunctionalInterface
    private interface JsonCall {
        int call(Pointer engine, byte[] request, SanteiLibrary.SizeT requestLen,
                 PointerByReference out, SanteiLibrary.SizeTByReference outLen);
    }

    /**
     * The one shape of the JSON calls: checks and encodes the request (strict UTF-8), makes the call
     * on the open handle, and copies and frees the buffer it returns.
     */
    private String callJson(String requestJson, JsonCall call) {
        Objects.requireNonNull(requestJson, "requestJson");
        byte[] request = NativeSupport.utf8(requestJson, "requestJson");
        SanteiLibrary.SizeT requestLen = NativeSupport.len(request, requestJson);
        return withHandle(h -> NativeSupport.callForString(lib,
                (out, outLen) -> call.call(h, request, requestLen, out, outLen)));
    }

    private interface HandleCall<T> {
        T call(Pointer handle);
    }

    private <T> T withHandle(HandleCall<T> call) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("santei Engine is closed");
            }
            return call.call(handle);
        } finally {
            lock.readLock().unlock();
            Reference.reachabilityFence(this); // keep the Cleaner off the handle during the call
        }
    }

    @Override
    public String toString() {
        return "Engine[" + (isClosed() ? "closed" : "open") + "]";
    }
}
