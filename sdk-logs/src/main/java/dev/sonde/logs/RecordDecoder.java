package dev.sonde.logs;

import static dev.sonde.logs.DecoderPatterns.*;

import dev.sonde.Source;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one complete record (first line plus continuations) into facts. Both log formats print the
 * same WinHTTP messages, so one decoder serves both. It decodes numbers, not just words:
 *
 * <ul>
 *   <li>{@code Status: 0x00010000. Info 0x00000009} / {@code [Status: 0x00010000. Status Info: 0x00000001]}
 *       (any case, spacing and punctuation, short hex such as {@code Status:0x10000, Info:0x21}, the
 *       callback's own names {@code dwInternetStatus} / {@code lpvStatusInformation}, or
 *       {@code STATUS_SECURE_FAILURE, flags = 0x8}) → {@link TlsFailure} with the bitmask's
 *       {@link SecurityFlag}s when Status is the secure-failure value (one value, not a mask);
 *       {@code WINHTTP_CALLBACK_STATUS_FLAG_*} names anywhere in the record add to them; a
 *       "secure/TLS connection failure" without a reason gives empty flags. One per record.</li>
 *   <li>{@code hr = 0x80072f8f}, {@code hr = -2147012721}, {@code Code: 0x00002f8f}, {@code error 12002},
 *       {@code GetLastError: 12007}, {@code dwError=12029}, {@code ERROR_WINHTTP_TIMEOUT}, {@code WSAECONNRESET},
 *       and Windows' message texts ({@code The operation timed out}, {@code No such host is known} ...)
 *       → {@link NetworkError} (known codes only, one per code per record), with the operation from
 *       {@code Error result N} or {@code API WinHttpXxx}; certificate errors also give their
 *       {@link SecurityFlag}.</li>
 *   <li>{@code destination details: 216.58.194.170:443 (name)} → {@link Destination}; so does
 *       {@code connection to 142.250.74.46:443} / {@code connect() to ...} (an IP literal) in a record
 *       that reports a failure.</li>
 *   <li>Text in quotes ({@code "Re: 407 parking"}, {@code 'TLS failure review'}) is content such as a
 *       mail subject or an event title: the word and number heuristics do not look into it.</li>
 *   <li>{@code ... with WinHTTP proxy. Will try direct} → {@link ProxyEvent} {@code DIRECT_FALLBACK};
 *       HTTP 407 / {@code Proxy-Authenticate: NTLM} → {@link ProxyEvent} {@code AUTH_REQUIRED}.</li>
 *   <li>{@code Certificate details:} blocks → {@link Certificate} (see {@link CertificateBlocks}).</li>
 * </ul>
 *
 * Evidence: every fact quotes the record's first line (number and text); when what it decodes was
 * on continuation lines, those lines follow, joined with {@code "\n"}. A certificate quotes its block.
 */
final class RecordDecoder {

    private final String file;

    RecordDecoder(String file) {
        this.file = file;
    }

    /** What one record decodes to, collected before any fact is built. */
    private static final class Found {
        final Set<SecurityFlag> flags = EnumSet.noneOf(SecurityFlag.class);
        final TreeSet<Integer> tlsLines = new TreeSet<>();
        boolean tls;
        long status = -1;
        long info = -1;
        /** The info value read as decimal (digits only, no 0x), else -1. */
        long infoDecimal = -1;
        /** Status was printed in decimal ({@code Status: 65536}), so the info is decimal too. */
        boolean decimal;
        boolean tlsWords;
        final Map<NetworkErrorCode, Integer> errors = new LinkedHashMap<>();
        String operation = "";
        int operationRank = Integer.MAX_VALUE;
        final Map<String, Dest> destinations = new LinkedHashMap<>();
        final Map<String, Dest> connectionsTo = new LinkedHashMap<>();
        int fallbackLine = -1;
        int authLine = -1;
        final TreeSet<Integer> authLines = new TreeSet<>();
        final List<String> schemes = new ArrayList<>();
        String proxy = "";
    }

    private record Dest(String ip, int port, String name, int line) {
    }

    /** The facts in a record, in a stable order. */
    List<Fact> decode(LogRecord r) {
        int n = r.size();
        String[] lows = new String[n];
        boolean any = false;
        boolean maybeCert = false;
        for (int i = 0; i < n; i++) {
            String low = Ascii.lower(r.text(i));
            if (DecoderPatterns.worthDecoding(low)) {
                lows[i] = low;
                any = true;
                maybeCert |= CertificateBlocks.mayHold(low);
            }
        }
        if (!any) {
            return List.of();
        }
        List<Fact> out = new ArrayList<>(2);
        LogTime time = r.start().time();
        String thread = r.start().thread();
        boolean[] inCert = null;
        if (maybeCert) {
            for (CertificateBlocks.Block b : CertificateBlocks.find(r)) {
                if (inCert == null) {
                    inCert = new boolean[n];
                }
                StringBuilder text = new StringBuilder();
                for (int i = b.from(); i <= b.to(); i++) {
                    inCert[i] = i > 0; // the opening record line may still say other things
                    if (i > b.from()) {
                        text.append('\n');
                    }
                    text.append(r.raw(i));
                }
                out.add(new Certificate(b.subject(), b.issuer(), b.notBefore(), b.notAfter(), time, thread,
                        new Source(file, r.number(b.from()), text.toString())));
            }
        }
        Found f = new Found();
        for (int i = 0; i < n; i++) {
            if (lows[i] != null && (inCert == null || !inCert[i])) {
                decodeLine(i, r.text(i), lows[i], f);
            }
        }
        emit(r, f, time, thread, out);
        return out;
    }

    private static void decodeLine(int i, String line, String low, Found f) {
        // Quoted text is content (a mail subject, an event title), not what WinHTTP reports: the word
        // and number heuristics below do not look into it.
        String words = low.indexOf('"') >= 0 || low.indexOf('\'') >= 0 ? Ascii.unquoted(low) : low;
        // security flags by name
        int at = low.indexOf(FLAG_PREFIX);
        while (at >= 0) {
            int s = at + FLAG_PREFIX.length();
            int e = s;
            while (e < low.length() && (Character.isLetterOrDigit(low.charAt(e)) || low.charAt(e) == '_')) {
                e++;
            }
            Optional<SecurityFlag> flag = SecurityFlag.fromName(low.substring(s, e));
            if (flag.isPresent()) {
                f.flags.add(flag.get());
                f.tls = true;
                f.tlsLines.add(i);
            }
            at = low.indexOf(FLAG_PREFIX, e);
        }
        // Status / Info bitmask
        if (low.contains("status")) {
            AnchoredPattern.Finder m = STATUS.finder(low, low);
            while (m.find()) {
                boolean dec = m.group(1).equals("65536"); // WINHTTP_CALLBACK_STATUS_SECURE_FAILURE in decimal
                long v = dec ? SecurityFlag.SECURE_FAILURE_STATUS : Ascii.parseHex(m.group(1));
                if (dec) {
                    f.decimal = true;
                }
                // the callback's status is one value, not a mask (0xFFFFFFFF asks for all notifications)
                if (v >= 0 && (f.status < 0 || v == SecurityFlag.SECURE_FAILURE_STATUS)) {
                    f.status = v;
                    if (v == SecurityFlag.SECURE_FAILURE_STATUS) {
                        f.tlsLines.add(i);
                        break;
                    }
                }
            }
        }
        if (f.info < 0 && (low.contains("info") || low.contains("flag"))) {
            AnchoredPattern.Finder m = INFO.finder(low, low);
            if (m.find()) {
                String digits = m.group(1) != null ? m.group(1) : m.group(2);
                f.info = Ascii.parseHex(digits);
                if (digits.length() <= 10 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    f.infoDecimal = Long.parseLong(digits);
                }
                if (f.info >= 0) {
                    f.tlsLines.add(i);
                }
            }
        }
        if ((low.contains("secure") || low.contains("tls") || low.contains("ssl")) && TLS_WORDS.finder(words, words).find()) {
            f.tlsWords = true;
            f.tlsLines.add(i);
        }
        // error numbers and names
        boolean errorHere = false;
        if (low.contains("0x") || low.contains("err") || low.contains("code") || low.contains("fail") || low.contains("return")) {
            AnchoredPattern.Finder m = ERROR_NUMBER.finder(words, words);
            while (m.find()) {
                String digits = m.group(1);
                long v = digits.startsWith("0x") || digits.length() == 8 ? Ascii.parseHex(digits) : Long.parseLong(digits);
                errorHere |= addError(NetworkErrorCode.fromNumber(v), i, f);
            }
            if (low.contains("0x8007")) {
                AnchoredPattern.Finder h = HRESULT.finder(words, words);
                while (h.find()) {
                    errorHere |= addError(NetworkErrorCode.fromNumber(Ascii.parseHex(h.group())), i, f);
                }
            }
        }
        if (low.contains("-21470")) {
            AnchoredPattern.Finder m = SIGNED_HRESULT.finder(words, words);
            while (m.find()) {
                errorHere |= addError(NetworkErrorCode.fromNumber(Long.parseLong(m.group(1)) & 0xFFFFFFFFL), i, f);
            }
        }
        if (low.contains("error_winhttp_") || low.contains("wsa")) {
            AnchoredPattern.Finder m = ERROR_NAME.finder(words, words);
            while (m.find()) {
                errorHere |= addError(NetworkErrorCode.fromName(m.group(1)), i, f);
            }
        }
        for (String[] message : MESSAGES) {
            if (words.contains(message[0])) {
                errorHere |= addError(NetworkErrorCode.fromName(message[1]), i, f);
            }
        }
        // the failing operation
        if (low.contains("winhttp") || low.contains("result")) {
            AnchoredPattern.Finder m = API.finder(line, low);
            if (m.find()) {
                operation(m.group(1), 0, f);
            }
            m = API_FAILED.finder(line, low);
            if (m.find()) {
                operation(m.group(1), 1, f);
            }
            m = ASYNC_RESULT.finder(low, low);
            if (m.find()) {
                int k = Integer.parseInt(m.group(1));
                if (k >= 1 && k < OPERATIONS.length) {
                    operation(OPERATIONS[k], 2, f);
                }
            }
            if (errorHere) {
                m = API_NAME.finder(line, low);
                if (m.find()) {
                    operation(m.group(1), 3, f);
                }
            }
        }
        // destination
        if (low.contains("destination")) {
            addresses(DESTINATION.finder(line, low), i, f.destinations);
        }
        if (low.contains(" to ") || low.contains(" with ")) {
            addresses(CONNECTION_TO.finder(line, low), i, f.connectionsTo);
        }
        // proxies
        if (low.contains("proxy")) {
            if (f.fallbackLine < 0 && DIRECT.finder(words, words).find()) {
                f.fallbackLine = i;
            }
            if (f.proxy.isEmpty()) {
                AnchoredPattern.Finder m = PROXY_ADDRESS.finder(line, low);
                if (m.find()) {
                    f.proxy = m.group(1);
                }
            }
        }
        if ((low.contains("407") || low.contains("proxy auth") || low.contains("proxy_auth") || low.contains("requires auth"))
                && AUTH_407.finder(words, words).find()) {
            if (f.authLine < 0) {
                f.authLine = i;
            }
            f.authLines.add(i);
        }
        int pa = low.indexOf("proxy-authenticate");
        if (pa >= 0) {
            int colon = pa + "proxy-authenticate".length();
            while (colon < low.length() && TraceLogFormat.isSpace(low.charAt(colon))) {
                colon++;
            }
            if (colon < low.length() && (low.charAt(colon) == ':' || low.charAt(colon) == '=')) {
                for (String s : schemes(line.substring(colon + 1))) {
                    if (!f.schemes.contains(s)) {
                        f.schemes.add(s);
                    }
                }
                if (f.authLine < 0) {
                    f.authLine = i;
                }
                f.authLines.add(i);
            }
        }
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
            if (!Ascii.ipLiteral(ip) && Ascii.ipLiteral(name)) { // "www.googleapis.com:443 (142.250.1.1)": the address is in brackets
                String host = ip;
                ip = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
                name = host;
            }
            into.putIfAbsent(ip + "|" + port, new Dest(ip, port, name, line));
        }
    }

    private static boolean addError(Optional<NetworkErrorCode> code, int line, Found f) {
        if (code.isEmpty()) {
            return false;
        }
        f.errors.putIfAbsent(code.get(), line);
        code.get().securityFlag().ifPresent(flag -> {
            f.flags.add(flag);
            f.tls = true;
            f.tlsLines.add(line);
        });
        return true;
    }

    private static void operation(String name, int rank, Found f) {
        if (rank < f.operationRank) {
            f.operation = name;
            f.operationRank = rank;
        }
    }

    /** The authentication schemes of a {@code Proxy-Authenticate} value, in order, capitalised as usual. */
    static List<String> schemes(String value) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int segmentStart = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                String seg = value.substring(segmentStart, i).strip();
                segmentStart = i + 1;
                int e = 0;
                while (e < seg.length() && (Character.isLetterOrDigit(seg.charAt(e)) || seg.charAt(e) == '-' || seg.charAt(e) == '_')) {
                    e++;
                }
                if (e == 0) {
                    continue;
                }
                String rest = seg.substring(e).stripLeading();
                if (rest.startsWith("=")) {
                    continue; // a parameter of the previous challenge
                }
                out.add(scheme(seg.substring(0, e)));
            }
        }
        return out;
    }

    private static String scheme(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "basic": return "Basic";
            case "digest": return "Digest";
            case "ntlm": return "NTLM";
            case "negotiate": return "Negotiate";
            case "kerberos": return "Kerberos";
            default: return s;
        }
    }

    private void emit(LogRecord r, Found f, LogTime time, String thread, List<Fact> out) {
        boolean statusSecure = f.status == SecurityFlag.SECURE_FAILURE_STATUS;
        if (statusSecure || f.tlsWords || f.tls) {
            Set<SecurityFlag> flags = EnumSet.noneOf(SecurityFlag.class);
            if (f.info >= 0 && (statusSecure || f.tlsWords)) {
                flags.addAll(SecurityFlag.decode(f.decimal && f.infoDecimal >= 0 ? f.infoDecimal : f.info));
            }
            flags.addAll(f.flags);
            out.add(new TlsFailure(flags, time, thread, source(r, f.tlsLines)));
        }
        for (Map.Entry<NetworkErrorCode, Integer> e : f.errors.entrySet()) {
            out.add(new NetworkError(e.getKey(), f.operation, time, thread, source(r, Set.of(e.getValue()))));
        }
        if (f.destinations.isEmpty() && (!f.errors.isEmpty() || statusSecure || f.tlsWords || f.tls)) {
            f.destinations.putAll(f.connectionsTo); // "Connection to 1.2.3.4:443 timed out (error 12002)"
        }
        for (Dest d : f.destinations.values()) {
            out.add(new Destination(d.ip(), d.port(), d.name(), time, thread, source(r, Set.of(d.line()))));
        }
        if (f.fallbackLine >= 0) {
            out.add(new ProxyEvent(ProxyEvent.Kind.DIRECT_FALLBACK, List.of(), f.proxy, time, thread,
                    source(r, Set.of(f.fallbackLine))));
        }
        if (f.authLine >= 0) {
            out.add(new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, f.schemes, f.proxy, time, thread, source(r, f.authLines)));
        }
    }

    /** The record's first line, followed by the continuation lines (indexes > 0) the evidence is on. */
    private Source source(LogRecord r, Set<Integer> lines) {
        String text = r.firstText();
        boolean extra = false;
        for (int i : lines) {
            if (i > 0) {
                extra = true;
                break;
            }
        }
        if (extra) {
            StringBuilder sb = new StringBuilder(text);
            for (int i : new TreeSet<>(lines)) {
                if (i > 0) {
                    sb.append('\n').append(r.raw(i));
                }
            }
            text = sb.toString();
        }
        return new Source(file, r.firstLine(), text);
    }
}
