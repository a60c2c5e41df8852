package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import dev.sonde.facts.PacProxy;
import dev.sonde.net.IpLiterals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PAC answer: entries separated by {@code ;}, each {@code DIRECT} or a keyword ({@code PROXY},
 * {@code HTTP}, {@code HTTPS}, {@code SOCKS}, {@code SOCKS4}, {@code SOCKS5}, any case) and {@code host[:port]}
 * (the keyword's usual port when none is written: 80, 443, 1080). Empty entries (a trailing {@code ;}) are
 * skipped. An answer with no entry, or with an entry that is none of these, is no PAC answer: the script failed
 * ({@code BAD_RESULT}), with the text (clipped) as detail. Linear in the answer.
 */
final class PacResultParser {

    private static final int MAX_HOST = 253;

    private PacResultParser() {
    }

    static PacResult parse(String written) throws PacException {
        List<PacProxy> out = new ArrayList<>();
        for (String entry : written.split(";", -1)) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            PacProxy p = entry(e);
            if (p == null) {
                throw new PacException(PacFailureReason.BAD_RESULT, "not a PAC answer: \"" + clip(written) + "\"");
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new PacException(PacFailureReason.BAD_RESULT, "an empty answer: \"" + clip(written) + "\"");
        }
        return new PacResult(written, out);
    }

    private static PacProxy entry(String e) {
        String[] words = e.split("[ \\t]+");
        PacProxy.Type type;
        try {
            type = PacProxy.Type.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAKeyword) {
            return null;
        }
        if (type == PacProxy.Type.DIRECT) {
            return words.length == 1 ? PacProxy.DIRECT : null;
        }
        if (words.length != 2) {
            return null;
        }
        String address = address(words[1], switch (type) {
            case HTTPS -> 443;
            case SOCKS, SOCKS4, SOCKS5 -> 1080;
            default -> 80;
        });
        return address == null ? null : new PacProxy(type, address);
    }

    /** {@code host:port} normalized, or null when {@code text} is no host with an optional port. */
    private static String address(String text, int defaultPort) {
        String host = text;
        int port = defaultPort;
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (colon > 0 && (!bracketed || text.lastIndexOf(']') < colon) && (bracketed || text.indexOf(':') == colon)) {
            host = text.substring(0, colon);
            port = port(text.substring(colon + 1));
        }
        if (port < 1 || port > 65535) {
            return null;
        }
        if (bracketed) {
            return IpLiterals.isLiteral(host) ? IpLiterals.hostPort(host, port) : null;
        }
        if (host.isEmpty() || host.length() > MAX_HOST) {
            return null;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_')) {
                return null;
            }
        }
        return IpLiterals.hostPort(host, port);
    }

    private static int port(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }
}
