package dev.sonde.logs;

import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link TlsFailure} of a record: WinHTTP refused a secure connection, and why (its {@link SecurityFlag}s).
 * Sample ({@link #SAMPLE}, one record per unindented line, its continuation lines indented; read back in
 * {@code TlsFailureDecoderTest}):
 *
 * <pre>
 * Secure connection failure. Status: 0x00010000. Info 0x00000009
 * TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000020]
 * Callback status=0X10000, status info: 0X80000004
 * Status:0x10000, Info:0x21
 * Secure failure: Status 00010000, Info: 00000010
 * dwInternetStatus = 0x00010000, lpvStatusInformation = 0x00000020
 * WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, flags = 0x00000009
 * Secure failure, security flags: 0x80000000
 * Secure failure: status 65536, info 24
 * Status: 65536. Info: 0x00000009
 * Secure connection failure. Status: 0x00010000. Info 0x00000001
 *   WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: revocation check failed
 *   winhttp_callback_status_flag_cert_cn_invalid: lower case too
 * Failure details:
 *   WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED: revoked
 * TLS handshake failed for oauth2.googleapis.com
 * WinHttpReceiveResponse failed with error 12045
 * </pre>
 *
 * reads as, record by record: {@code {CERT_REV_FAILED, INVALID_CA}}; {@code {CERT_DATE_INVALID}};
 * {@code {CERT_REVOKED, SECURITY_CHANNEL_ERROR}}; {@code {CERT_REV_FAILED, CERT_DATE_INVALID}};
 * {@code {CERT_CN_INVALID}}; {@code {CERT_DATE_INVALID}}; {@code {CERT_REV_FAILED, INVALID_CA}};
 * {@code {SECURITY_CHANNEL_ERROR}}; {@code {CERT_CN_INVALID, INVALID_CA}} (a status printed in decimal comes
 * with a decimal info: 24 = 0x18); {@code {CERT_REV_FAILED, INVALID_CA}}; {@code {CERT_REV_FAILED, CERT_CN_INVALID}}
 * (quoting its flag lines); {@code {CERT_REVOKED}}; {@code {}} (the words alone, without a decodable reason); and
 * {@code {INVALID_CA}} (a certificate error's code, {@link NetworkErrorDecoder}, gives its flag).
 *
 * <p>Rules: the Status / Info pair in any case, spacing and punctuation, short or long hex, the callback's own
 * names ({@code dwInternetStatus} / {@code lpvStatusInformation}), or {@code STATUS_SECURE_FAILURE, flags = 0x8}.
 * The Status is one value, not a mask ({@code 0xFFFFFFFF} asks for all notifications): the flags count only
 * when it is the secure-failure value {@code 0x00010000}, or when TLS failure words ("secure connection
 * failure", "TLS handshake failed" ...) say so. {@code WINHTTP_CALLBACK_STATUS_FLAG_*} names anywhere in the
 * record add to them. One per record, the union of every reason it gives.
 */
final class TlsFailureDecoder {

    /** The sample shown above, kept in step with it. */
    static final String SAMPLE = """
            Secure connection failure. Status: 0x00010000. Info 0x00000009
            TLS connection failure. See details below. [Status: 0x00010000. Status Info: 0x00000020]
            Callback status=0X10000, status info: 0X80000004
            Status:0x10000, Info:0x21
            Secure failure: Status 00010000, Info: 00000010
            dwInternetStatus = 0x00010000, lpvStatusInformation = 0x00000020
            WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, flags = 0x00000009
            Secure failure, security flags: 0x80000000
            Secure failure: status 65536, info 24
            Status: 65536. Info: 0x00000009
            Secure connection failure. Status: 0x00010000. Info 0x00000001
              WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED: revocation check failed
              winhttp_callback_status_flag_cert_cn_invalid: lower case too
            Failure details:
              WINHTTP_CALLBACK_STATUS_FLAG_CERT_REVOKED: revoked
            TLS handshake failed for oauth2.googleapis.com
            WinHttpReceiveResponse failed with error 12045
            """;

    /** Words that make a line worth reading for this decoder ({@link RecordDecoder#TRIGGERS}). */
    static final List<String> TRIGGERS = List.of("0x", "status", "winhttp", "secure", "tls", "ssl", "info");
    /**
     * Words one of which a record must hold for {@link #decode} to find a failure by itself ({@link RecordDecoder#NEEDS};
     * it also runs whenever the network errors named a code): a flag's name ({@link #FLAG_PREFIX}), a TLS failure
     * word's line ({@code secure}, {@code tls}, {@code ssl}), or the secure-failure status, which is
     * {@code 0x10000} in hexadecimal digits (with any leading zeros, so it holds {@code 10000}) or {@code 65536}.
     * Not {@code status} alone: {@code HTTP status 200} is a server's answer.
     */
    static final List<String> NEEDS = List.of("status_flag_", "secure", "tls", "ssl", "10000", "65536");

    static final String FLAG_PREFIX = "winhttp_callback_status_flag_";

    // Tried only where an anchor word starts; linear time on hostile lines (see AnchoredPattern).
    /** {@code Status: 0x00010000}, {@code dwInternetStatus = 0x10000}. */
    static final AnchoredPattern STATUS = new AnchoredPattern(
            "(?:\\b|internet)status(?!\\s*+info)\\s*+[:=]?+\\s*+(0x[0-9a-f]++|\\d[0-9a-f]*+)(?![0-9a-z])",
            "status", "internet");
    /**
     * The flags: {@code Info 0x9}, {@code Status Info: 0x1}, {@code lpvStatusInformation = 0x8}, and
     * {@code WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, flags = 0x8} (hex only when spelled "flags").
     */
    static final AnchoredPattern INFO = new AnchoredPattern(
            "(?:\\b|status)info(?:rmation)?\\s*+[:=]?+\\s*+(0x[0-9a-f]++|\\d[0-9a-f]*+)(?![0-9a-z])"
                    + "|\\b(?:security\\s*+|failure\\s*+)?flags?\\s*+[:=]?+\\s*+(0x[0-9a-f]++)(?![0-9a-z])",
            "info", "status", "security", "failure", "flag");
    static final AnchoredPattern TLS_WORDS = new AnchoredPattern(
            "\\b(?:secure|tls|ssl)(?:\\s++(?:connection|channel|handshake))?\\s++(?:failure|failed|error)\\b|status_secure_failure",
            "secure", "tls", "ssl", "status_secure_failure");

    private TlsFailureDecoder() {
    }

    /** The record's TLS failure, if it reports one; {@code errors} are the codes it names ({@link NetworkErrorDecoder#find}). */
    static Optional<TlsFailure> decode(RecordText r, List<NetworkErrorDecoder.Named> errors) {
        Set<SecurityFlag> named = EnumSet.noneOf(SecurityFlag.class);
        TreeSet<Integer> lines = new TreeSet<>();
        long status = -1;
        long info = -1;
        long infoDecimal = -1; // the info value read as decimal (digits only, no 0x), else -1
        boolean decimal = false; // Status was printed in decimal (Status: 65536), so the info is decimal too
        boolean words = false;
        for (int i = 0; i < r.size(); i++) {
            if (!r.reads(i)) {
                continue;
            }
            String low = r.low(i);
            if (flagNames(low, named)) {
                lines.add(i);
            }
            if (low.contains("status")) {
                AnchoredPattern.Finder m = r.finder(STATUS, low, low);
                while (m.find()) {
                    boolean dec = m.group(1).equals("65536"); // WINHTTP_CALLBACK_STATUS_SECURE_FAILURE in decimal
                    long v = dec ? SecurityFlag.SECURE_FAILURE_STATUS : Ascii.parseHex(m.group(1));
                    decimal |= dec;
                    // the callback's status is one value, not a mask (0xFFFFFFFF asks for all notifications)
                    if (v >= 0 && (status < 0 || v == SecurityFlag.SECURE_FAILURE_STATUS)) {
                        status = v;
                        if (v == SecurityFlag.SECURE_FAILURE_STATUS) {
                            lines.add(i);
                            break;
                        }
                    }
                }
            }
            if (info < 0 && (low.contains("info") || low.contains("flag"))) {
                AnchoredPattern.Finder m = r.finder(INFO, low, low);
                if (m.find()) {
                    String digits = m.group(1) != null ? m.group(1) : m.group(2);
                    info = Ascii.parseHex(digits);
                    if (digits.length() <= 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        infoDecimal = Long.parseLong(digits);
                    }
                    if (info >= 0) {
                        lines.add(i);
                    }
                }
            }
            String w = r.words(i);
            if ((low.contains("secure") || low.contains("tls") || low.contains("ssl")) && r.finder(TLS_WORDS, w, w).find()) {
                words = true;
                lines.add(i);
            }
        }
        for (NetworkErrorDecoder.Named e : errors) {
            e.code().securityFlag().ifPresent(flag -> {
                named.add(flag);
                lines.add(e.line());
            });
        }
        boolean statusSecure = status == SecurityFlag.SECURE_FAILURE_STATUS;
        if (!statusSecure && !words && named.isEmpty()) {
            return Optional.empty();
        }
        Set<SecurityFlag> flags = EnumSet.noneOf(SecurityFlag.class);
        if (info >= 0 && (statusSecure || words)) {
            flags.addAll(SecurityFlag.decode(decimal && infoDecimal >= 0 ? infoDecimal : info));
        }
        flags.addAll(named);
        return Optional.of(new TlsFailure(flags, r.time(), r.thread(), r.source(lines)));
    }

    /** Adds the flags named {@code WINHTTP_CALLBACK_STATUS_FLAG_*} in a line; true when it named one. */
    private static boolean flagNames(String low, Set<SecurityFlag> into) {
        boolean found = false;
        int at = low.indexOf(FLAG_PREFIX);
        while (at >= 0) {
            int s = at + FLAG_PREFIX.length();
            int e = s;
            while (e < low.length() && (Character.isLetterOrDigit(low.charAt(e)) || low.charAt(e) == '_')) {
                e++;
            }
            Optional<SecurityFlag> flag = SecurityFlag.fromName(low.substring(s, e));
            if (flag.isPresent()) {
                into.add(flag.get());
                found = true;
            }
            at = low.indexOf(FLAG_PREFIX, e);
        }
        return found;
    }
}
