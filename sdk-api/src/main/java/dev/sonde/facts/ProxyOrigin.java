package dev.sonde.facts;

import java.util.Locale;

/**
 * Where a proxy setting was found ({@link ProxySetting#origin()}, {@link ProxyCheck#origin()}). Its text form
 * ({@link #toString()}, what recorded probes files and evidence hold) is the lower-case name: {@code given},
 * {@code winhttp}, {@code env}, {@code jvm}.
 */
public enum ProxyOrigin {
    /** Passed by the caller ({@code --proxy}). */
    GIVEN,
    /** {@code netsh winhttp show proxy}: the machine-wide WinHTTP proxy GWSMO uses. */
    WINHTTP,
    /** The environment: {@code HTTPS_PROXY}, {@code HTTP_PROXY} (with {@code NO_PROXY}). */
    ENV,
    /** The JVM: system properties ({@code https.proxyHost} ...) or its {@code ProxySelector}. */
    JVM;

    /** {@code given}, {@code winhttp}, {@code env} or {@code jvm}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
