package jp.santei;

/**
 * A call into libsantei returned a status other than {@code SANTEI_OK}.
 * {@link #getCode()} is the C status name (e.g. {@code "SANTEI_PARSE_ERROR"}), the same code every
 * surface (C, wasm, C#, Java) reports; {@link #getMessage()} is {@code santei_last_error_message()}.
 */
public class SanteiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusValue;
    private final transient SanteiStatus status;

    /** An exception for a known status. */
    public SanteiException(SanteiStatus status, String message) {
        super(message);
        if (status == null || status == SanteiStatus.OK) {
            throw new IllegalArgumentException("SanteiException needs an error status, got " + status);
        }
        this.status = status;
        this.statusValue = status.value();
    }

    /** An exception for the raw status value returned by the library. */
    static SanteiException fromStatus(int statusValue, String message) {
        SanteiStatus status = SanteiStatus.fromValue(statusValue).orElse(null);
        return status != null && status != SanteiStatus.OK
                ? new SanteiException(status, message)
                : new SanteiException(statusValue, message);
    }

    private SanteiException(int unknownStatusValue, String message) {
        super(message);
        this.status = null;
        this.statusValue = unknownStatusValue;
    }

    /** The C status name, e.g. {@code "SANTEI_MASTER_ERROR"}. */
    public String getCode() {
        return status != null ? status.code() : "SANTEI_UNKNOWN_STATUS_" + statusValue;
    }

    /**
     * The status, or {@code null} if the library returned a value this binding does not know
     * (cannot happen with a library of the same ABI version).
     */
    public SanteiStatus getStatus() {
        return status;
    }

    /** The numeric status value returned by the library. */
    public int getStatusValue() {
        return statusValue;
    }

    @Override
    public String toString() {
        String msg = getLocalizedMessage();
        return getClass().getName() + " [" + getCode() + "]" + (msg == null || msg.isEmpty() ? "" : ": " + msg);
    }
}
