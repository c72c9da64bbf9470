package jp.santei;

/**
 * Library-wide facts about libsantei. The native library is located by JNA under the name
 * {@code santei} (set {@code jna.library.path} to the folder holding {@code libsantei.so}), or from
 * the name or absolute path in the system property {@code santei.library}. Loading fails with
 * {@link UnsatisfiedLinkError} when the library's ABI version is not {@link #ABI_VERSION}.
 */
public final class Santei {
    /** The C ABI version this binding was written for ({@code SANTEI_ABI_VERSION} in santei.h). */
    public static final int ABI_VERSION = 1;

    private Santei() {
    }

    /** The library version, e.g. {@code "0.1.0"} ({@code santei_version()}). */
    public static String version() {
        return NativeSupport.decode(NativeSupport.lib().santei_version());
    }

    /** The loaded library's ABI version ({@code santei_abi_version()}); always {@link #ABI_VERSION}. */
    public static int abiVersion() {
        return NativeSupport.lib().santei_abi_version();
    }
}
