package dev.sonde.probes.tls;

import java.util.Map;
import java.util.function.Function;

/** The tls family's parser of untrusted text (certificate names), for {@code dev.sonde.hostile.NetTextParsers}. */
public final class TlsTextParsers {

    private TlsTextParsers() {
    }

    /** Each parser by name. */
    public static Map<String, Function<String, Object>> all() {
        return Map.of("HostnameMatcher.matchesName", s -> HostnameMatcher.matchesName(s, "*." + s));
    }
}
