package jp.santei;

import java.util.Optional;

/**
 * Mirror of {@code enum SanteiStatus} in {@code include/santei.h}. The C name of a status
 * ({@link #code()}, e.g. {@code "SANTEI_PARSE_ERROR"}) is the error code every surface reports.
 */
public enum SanteiStatus {
    /** Success. */
    OK(0),
    /** A null pointer, invalid UTF-8, or otherwise unusable argument. */
    INVALID_ARGUMENT(1),
    /** The request is not JSON or does not match the request schema. */
    PARSE_ERROR(2),
    /** The request's values are impossible or contradict each other. */
    INVALID_REQUEST(3),
    /** A master file is missing or malformed. */
    MASTER_ERROR(4),
    /** The claim cannot be calculated (e.g. no master generation in force on the date). */
    CALC_ERROR(5),
    /** A file or folder could not be read. */
    IO_ERROR(6),
    /** A bug: the library panicked. The message says where. */
    PANIC(7);

    private static final SanteiStatus[] BY_VALUE = values();

    private final int value;

    SanteiStatus(int value) {
        this.value = value;
    }

    /** The numeric value of the C enum constant. */
    public int value() {
        return value;
    }

    /** The C name of the constant, e.g. {@code "SANTEI_PARSE_ERROR"}. */
    public String code() {
        return "SANTEI_" + name();
    }

    /** The status with this numeric value, or empty for a value this binding does not know. */
    public static Optional<SanteiStatus> fromValue(int value) {
        if (value >= 0 && value < BY_VALUE.length && BY_VALUE[value].value == value) {
            return Optional.of(BY_VALUE[value]);
        }
        for (SanteiStatus s : BY_VALUE) {
            if (s.value == value) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
