package dev.sonde.logs;

import dev.sonde.facts.Destination;
import dev.sonde.net.IpLiterals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@link Destination}s of a record: where a connection went. Sample ({@link #SAMPLE}, one record per
 * unindented line, its continuation lines indented; read back in {@code DestinationDecoderTest}):
 *
 * <pre>
 * Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)
 * network connection DESTINATION DETAILS:[2607:f8b0::1]:443 ( lhr25s34-in-x01.1e100.net )
 * Destination: 127.0.0.1:8888
 * Network connection destination details: www.googleapis.com:443 (142.250.1.1)
 * Connection to 142.250.74.46:443 timed out (error 12002)
 * connect() to 216.239.36.223:443 failed, WSAETIMEDOUT (10060)
 * Connecting to 10.0.0.9:443 failed: error 12029
 *   Network connection destination details: 142.250.74.46:443 (par10s40-in-f14.1e100.net)
 * </pre>
 *
 * reads as, record by record: {@code 216.58.194.170:443} named {@code sfo07s13-in-f170.1e100.net};
 * {@code [2607:f8b0::1]:443} named {@code lhr25s34-in-x01.1e100.net}; {@code 127.0.0.1:8888} without a name;
 * {@code 142.250.1.1:443} named {@code www.googleapis.com} (the address is the literal, whichever side it is
 * on); {@code 142.250.74.46:443} and {@code 216.239.36.223:443} without names; and {@code 142.250.74.46:443}
 * named {@code par10s40-in-f14.1e100.net} alone.
 *
 * <p>{@code destination details: address:port (name)} is read whatever the record says. {@code connection to},
 * {@code connect() to}, {@code request to} ... an IP literal counts only in a record that reports a failure
 * (a network error or a TLS failure) and names no destination details: "Connection to 1.2.3.4:443
 * established" is no evidence of anything. One per address and port.
 */
final class DestinationDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Network connection destination details: 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)
            network connection DESTINATION DETAILS:[2607:f8b0::1]:443 ( lhr25s34-in-x01.1e100.net )
            Destination: 127.0.0.1:8888
            Network connection destination details: www.googleapis.com:443 (142.250.1.1)
            Connection to 142.250.74.46:443 timed out (error 12002)
            connect() to 216.239.36.223:443 failed, WSAETIMEDOUT (10060)
            Connecting to 10.0.0.9:443 failed: error 12029
              Network connection destination details: 142.250.74.46:443 (par10s40-in-f14.1e100.net)
            """;

    /**
     * Words that make a line worth reading for this decoder ({@link RecordDecoder#TRIGGERS}); a connection's
     * address counts only in a failure, whose words the other decoders bring.
     */
    static final List<String> TRIGGERS = List.of("destination");
    /**
     * What a record must hold for this decoder to find anything ({@link RecordDecoder#NEEDS}): {@code destination};
     * a connection's address is read only when the record reports a failure, and then the decoder always runs.
     */
    static final List<String> NEEDS = TRIGGERS;

    // Tried only where an anchor word starts; linear time on hostile lines (see AnchoredPattern).
    static final AnchoredPattern DESTINATION = new AnchoredPattern(
            "\\bdestination(?:\\s++details)?\\s*+(?:is|=|:)?\\s*+(\\[[0-9a-fA-F:.%a-zA-Z]++\\]|[A-Za-z0-9][A-Za-z0-9._-]*+):(\\d{1,5})"
                    + "(?![0-9])(?:\\s*+\\(([^()\\r\\n]*+)\\))?",
            Pattern.CASE_INSENSITIVE,
            "destination");
    static final AnchoredPattern CONNECTION_TO = new AnchoredPattern(
            "\\b(?:connect(?:ion|ing|ed|\\s*+\\(\\s*+\\))?|request|sending)\\s++(?:to|with)\\s++(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.%]++\\]):(\\d{1,5})"
                    + "(?![0-9])(?:\\s*+\\(([^()\\r\\n]*+)\\))?",
            Pattern.CASE_INSENSITIVE,
            "connect", "request", "sending");

    private record Dest(String ip, int port, String name, int line) {
    }

    private DestinationDecoder() {
    }

    /** The record's destinations; {@code failure} says whether it reports a network error or a TLS failure. */
    static List<Destination> decode(RecordText r, boolean failure) {
        Map<String, Dest> details = new LinkedHashMap<>(0);
        Map<String, Dest> connections = new LinkedHashMap<>(0);
        for (int i = 0; i < r.size(); i++) {
            if (!r.reads(i)) {
                continue;
            }
            String line = r.text(i);
            String low = r.low(i);
            if (low.contains("destination")) {
                addresses(r.finder(DESTINATION, line, low), i, details);
            }
            if (failure && (low.contains(" to ") || low.contains(" with "))) {
                addresses(r.finder(CONNECTION_TO, line, low), i, connections);
            }
        }
        // "Connection to 1.2.3.4:443 timed out (error 12002)"
        Map<String, Dest> found = details.isEmpty() ? connections : details;
        if (found.isEmpty()) {
            return List.of();
        }
        List<Destination> out = new ArrayList<>(found.size());
        for (Dest d : found.values()) {
            out.add(new Destination(d.ip(), d.port(), d.name(), r.time(), r.thread(), r.source(d.line())));
        }
        return out;
    }

    private static void addresses(AnchoredPattern.Finder m, int line, Map<String, Dest> into) {
        while (m.find()) {
            int port = Integer.parseInt(m.group(2));
            if (port > 65535) {
                continue;
            }
            String ip = m.group(1);
            if (ip.startsWith("[")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            String name = m.group(3) == null ? "" : m.group(3).strip();
            if (!IpLiterals.isLiteral(ip) && IpLiterals.isLiteral(name)) { // "www.googleapis.com:443 (142.250.1.1)": the address is in brackets
                String host = ip;
                ip = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
                name = host;
            }
            into.putIfAbsent(ip + "|" + port, new Dest(ip, port, name, line));
        }
    }
}
