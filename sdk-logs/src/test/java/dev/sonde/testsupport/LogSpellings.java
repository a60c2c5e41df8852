package dev.sonde.testsupport;

import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testkit.logs.GwsmoLogs;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.sonde.Evidence;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.TlsFailure;
import dev.sonde.logs.DecoderDocs;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every spelling the log decoders document, as QuickTheories generators: a {@link Spelling} is one way a log
 * writes a fact, filled with generated values, and the facts it must read as. The Status / Info pair in long, short,
 * upper-case, bare and decimal hex, {@code dwInternetStatus}, {@code flags =} and flag names; error numbers in
 * decimal, hex, HRESULT and signed HRESULT, Windows names and message texts, with the failing call; destination
 * details and connection addresses, IPv4 and IPv6, name first or last; 407 answers, {@code Proxy-Authenticate}
 * lines and lists, fallbacks to direct; certificate blocks with and without their heading, lenient markers,
 * labelled and one-line names ({@code Subject: CN=}, country first or last, quoted commas), every validity date
 * format; header keys and executables.
 *
 * <p>The templates are the decoders' documented samples with their values made holes ({@code {name}}):
 * {@code DocumentedSpellingsTest} checks that every record of every decoder's {@code SAMPLE} is an instance of one
 * ({@link #templateOf}), so a spelling documented later and not generated here fails a test. Windows' message
 * texts are the decoder's own ({@link DecoderDocs#messages()}).
 */
public final class LogSpellings {

    /**
     * One spelling with its values.
     *
     * @param kind      the fact kind whose decoder documents it ({@code TlsFailure}, {@code NetworkError} ...)
     * @param template  the spelling with holes
     * @param header    lines before the first record (a trace header block), usually none
     * @param exe       the executable a trace record's location names ({@code Module}: no product)
     * @param lines     the record: its message, then its continuation lines
     * @param expected  what it must read as: every fact, with time, thread and evidence left out ({@link #valuesOf})
     * @param traceOnly true when only a trace log can hold it (a header block, an executable's name)
     */
    public record Spelling(String kind, String template, List<String> header, String exe, List<String> lines,
                           List<Fact> expected, boolean traceOnly) {

        /** True when a log of that format can hold the spelling. */
        public boolean fits(LogStyle style) {
            return style == LogStyle.TRACE || !traceOnly;
        }

        /** The spelling as a whole log: its header, then its record at {@code time} with the format's prefix. */
        public String log(LogStyle style, Instant time, ZoneOffset offset, String thread) {
            StringBuilder out = new StringBuilder();
            header.forEach(h -> out.append(h).append('\n'));
            out.append(style == LogStyle.TRACE
                    ? GwsmoLogs.traceTime(time, offset) + " " + thread + " E:Network " + exe + "!WinHttp::HandleCallback @ 100 ()> "
                    : "[" + GwsmoLogs.authorizationTime(time, offset) + ":ERROR:windows_http.cc(100)] ");
            lines.forEach(l -> out.append(l).append('\n'));
            return out.toString();
        }

        @Override
        public String toString() {
            List<String> all = new ArrayList<>(header);
            all.addAll(lines);
            return kind + " «" + String.join(" ⏎ ", all) + "» → " + expected;
        }
    }

    /** A fact with its time, thread and evidence left out: what was decoded. */
    public static Fact valuesOf(Fact f) {
        if (f instanceof TlsFailure t) {
            return tls(t.flags());
        }
        if (f instanceof NetworkError e) {
            return error(e.code(), e.operation());
        }
        if (f instanceof Destination d) {
            return destination(d.ip(), d.port(), d.hostName());
        }
        if (f instanceof ProxyEvent p) {
            return proxy(p.kind(), p.schemes(), p.proxy());
        }
        if (f instanceof Certificate c) {
            return certificate(c.subject(), c.issuer(), c.notBefore(), c.notAfter());
        }
        if (f instanceof ClientInfo c) {
            return client(c.product(), c.exe(), c.version());
        }
        if (f instanceof ServerAnswer a) {
            return answer(a.host(), a.url(), a.address(), a.port(), a.status());
        }
        if (f instanceof ClockCheck c) { // its offset depends on the line's time: DateHeaderDecoderTest checks it
            return clock(c.target());
        }
        throw new IllegalArgumentException("not a log fact: " + f);
    }

    private static final Evidence NO_SOURCE = new Evidence("", 0, "");

    private static Fact tls(Set<SecurityFlag> flags) {
        return new TlsFailure(flags, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact error(NetworkErrorCode code, String operation) {
        return new NetworkError(code, operation, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact destination(String ip, int port, String name) {
        return new Destination(ip, port, name, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact proxy(ProxyEvent.Kind kind, List<String> schemes, String address) {
        return new ProxyEvent(kind, schemes, address, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact certificate(List<String> subject, List<String> issuer, Instant from, Instant until) {
        return new Certificate(subject, issuer, from, until, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact client(String product, String exe, String version) {
        return new ClientInfo(product, exe, version, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact clock(String target) {
        return new ClockCheck(target, 0, ProbeStatus.OK, null, null, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    private static Fact answer(String host, String url, String address, int port, int status) {
        return new ServerAnswer(host, url, address, port, status, LogTime.UNKNOWN, "", NO_SOURCE);
    }

    // ------------------------------------------------------------------ templates

    /** A hole: how a value fills it, and what may stand in it (to recognise a documented sample). */
    private record Hole<V>(String regex, Function<V, String> fill) {
    }

    /** A spelling with holes, the values that fill it and the facts a value must read as. */
    private record Template<V>(String kind, String header, String text, String exe, boolean traceOnly,
                               Map<String, Hole<V>> holes, Gen<V> values, Function<V, List<Fact>> expected) {

        Spelling spell(V v) {
            return new Spelling(kind, header.isEmpty() ? text : header + "\n" + text, lines(fill(header, v)),
                    exe.startsWith("{") ? fill(exe, v) : exe, lines(fill(text, v)), expected.apply(v), traceOnly);
        }

        private String fill(String s, V v) {
            Matcher m = HOLE.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(hole(m.group(1)).fill().apply(v)));
            }
            return m.appendTail(out).toString();
        }

        private Hole<V> hole(String name) {
            Hole<V> h = holes.get(name);
            if (h == null) {
                throw new IllegalStateException("no hole {" + name + "} for " + kind);
            }
            return h;
        }

        /** What the template's {@code s} (header or text) matches: its words as they are, its holes as they may be filled. */
        Pattern pattern(String s) {
            Matcher m = HOLE.matcher(s);
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (m.find()) {
                out.append(Pattern.quote(s.substring(at, m.start()))).append("(?:").append(hole(m.group(1)).regex()).append(')');
                at = m.end();
            }
            return Pattern.compile(out.append(Pattern.quote(s.substring(at))).toString());
        }

        /** A generator of this template's spellings. */
        Gen<Spelling> spellings() {
            return values.map(this::spell);
        }
    }

    private static final Pattern HOLE = Pattern.compile("\\{([a-z][a-z:-]*)\\}");

    /** The lines of a filled template; a hole filled with no lines leaves none. */
    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.stream(s.split("\n")).filter(l -> !l.isEmpty()).toList();
    }

    private static final List<Template<?>> TEMPLATES = new ArrayList<>();

    private static <V> void template(String kind, String text, Map<String, Hole<V>> holes, Gen<V> values,
            Function<V, List<Fact>> expected) {
        TEMPLATES.add(new Template<>(kind, "", text, "Module", false, holes, values, expected));
    }

    private static <V> void traceTemplate(String kind, String header, String exe, String text, Map<String, Hole<V>> holes,
            Gen<V> values, Function<V, List<Fact>> expected) {
        TEMPLATES.add(new Template<>(kind, header, text, exe, true, holes, values, expected));
    }

    private LogSpellings() {
    }

    /** Every spelling, each template as likely as any other. */
    public static Gen<Spelling> all() {
        return Generate.pick(List.copyOf(TEMPLATES)).flatMap(Template::spellings);
    }

    /** The spellings of each template, by the template's text (header and record). */
    public static Map<String, Gen<Spelling>> byTemplate() {
        Map<String, Gen<Spelling>> out = new LinkedHashMap<>();
        for (Template<?> t : TEMPLATES) {
            out.put(t.header().isEmpty() ? t.text() : t.header() + "\n" + t.text(), t.spellings());
        }
        return out;
    }

    /** The fact kinds spellings are documented for. */
    public static Set<String> kinds() {
        return TEMPLATES.stream().map(Template::kind).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * The template a written record is an instance of: its header lines (before the first record) and its lines
     * (message first), each as written; empty when no template generates it.
     */
    public static Optional<String> templateOf(List<String> header, List<String> record) {
        String h = String.join("\n", header);
        String r = String.join("\n", record);
        for (Template<?> t : TEMPLATES) {
            if (t.pattern(t.header()).matcher(h).matches() && t.pattern(t.text()).matcher(r).matches()) {
                return Optional.of(t.header().isEmpty() ? t.text() : t.header() + "\n" + t.text());
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ TLS failures: TlsFailureDecoder

    private static void tlsFailures() {
        Map<String, Hole<Set<SecurityFlag>>> h = new LinkedHashMap<>();
        h.put("info", new Hole<>("0x[0-9a-f]{8}", f -> String.format("0x%08x", SecurityFlag.encode(f))));
        h.put("info-upper", new Hole<>("0X[0-9A-F]{1,8}", f -> String.format("0X%X", SecurityFlag.encode(f))));
        h.put("info-short", new Hole<>("0x[0-9a-f]{1,8}", f -> String.format("0x%x", SecurityFlag.encode(f))));
        h.put("info-bare", new Hole<>("[0-9a-f]{8}", f -> String.format("%08x", SecurityFlag.encode(f))));
        h.put("info-decimal", new Hole<>("\\d{1,10}", f -> Long.toString(SecurityFlag.encode(f))));
        // one line per flag, upper and lower case in turn, as WinHTTP names them
        h.put("flag-lines", new Hole<>("(?i:winhttp_callback_status_flag_\\w+: [^\\n]+)(?:\\n(?i:winhttp_callback_status_flag_)\\w+: [^\\n]+)*",
                f -> {
                    List<String> out = new ArrayList<>();
                    for (SecurityFlag flag : new java.util.TreeSet<>(f)) {
                        String name = out.size() % 2 == 0 ? flag.winHttpName() : flag.winHttpName().toLowerCase(Locale.ROOT);
                        out.add(name + ": " + FLAG_TEXT.get(out.size() % FLAG_TEXT.size()));
                    }
                    return String.join("\n", out);
                }));
        Gen<Set<SecurityFlag>> flags = LogGenerators.securityFlags();
        Function<Set<SecurityFlag>, List<Fact>> failure = f -> List.of(tls(f));
        String kind = "TlsFailure";
        template(kind, "Secure connection failure. Status: 0x00010000. Info {info}", h, flags, failure);
        template(kind, "TLS connection failure. See details below. [Status: 0x00010000. Status Info: {info}]", h, flags, failure);
        template(kind, "Callback status=0X10000, status info: {info-upper}", h, flags, failure);
        template(kind, "Status:0x10000, Info:{info-short}", h, flags, failure);
        template(kind, "Secure failure: Status 00010000, Info: {info-bare}", h, flags, failure);
        template(kind, "dwInternetStatus = 0x00010000, lpvStatusInformation = {info}", h, flags, failure);
        template(kind, "WINHTTP_CALLBACK_STATUS_SECURE_FAILURE, flags = {info}", h, flags, failure);
        template(kind, "Secure failure, security flags: {info}", h, flags, failure);
        // a status printed in decimal comes with a decimal info
        template(kind, "Secure failure: status 65536, info {info-decimal}", h, flags, failure);
        template(kind, "Status: 65536. Info: {info}", h, flags, failure);
        template(kind, "Secure connection failure. Status: 0x00010000. Info {info}\n{flag-lines}", h, flags, failure);
        template(kind, "Failure details:\n{flag-lines}", h, flags, f -> f.isEmpty() ? List.of() : List.of(tls(f)));
        // the words alone: a TLS failure without a decodable reason
        template(kind, "TLS handshake failed for oauth2.googleapis.com", h, flags, f -> List.of(tls(Set.of())));
        template(kind, "Secure connection failure.", h, flags, f -> List.of(tls(Set.of())));
    }

    private static final List<String> FLAG_TEXT = List.of("revocation check failed", "lower case too", "revoked",
            "the check did not pass", "see the chain");

    // ------------------------------------------------------------------ network errors: NetworkErrorDecoder

    /** A code, one of Windows' message texts for it (or {@code ""}), and another code. */
    private record Err(NetworkErrorCode code, String message, NetworkErrorCode other) {
    }

    private static void networkErrors() {
        Map<String, Hole<Err>> h = new LinkedHashMap<>();
        h.put("number", new Hole<>("\\d{4,5}", e -> Integer.toString(e.code().number())));
        h.put("code-hex", new Hole<>("0x[0-9a-f]{8}", e -> String.format("0x%08x", e.code().number())));
        h.put("code-short", new Hole<>("0x[0-9a-f]{1,4}", e -> String.format("0x%x", e.code().number())));
        h.put("hresult", new Hole<>("0x8007[0-9a-f]{4}", e -> e.code().hresult().toLowerCase(Locale.ROOT)));
        h.put("hresult-upper", new Hole<>("0x8007[0-9A-F]{4}", e -> e.code().hresult()));
        h.put("hresult-signed", new Hole<>("-21470\\d{5}", e -> Integer.toString((int) (0x80070000L | e.code().number()))));
        h.put("name", new Hole<>("ERROR_WINHTTP_[A-Z_]+|WSA[A-Z_]+", e -> e.code().windowsName()));
        List<List<String>> messages = DecoderDocs.messages();
        h.put("message", new Hole<>("(?i:" + String.join("|", messages.stream().map(m -> Pattern.quote(m.get(0))).toList()) + ")",
                e -> Character.toUpperCase(e.message().charAt(0)) + e.message().substring(1)));
        h.put("other-short", new Hole<>("0x[0-9a-f]{1,4}", e -> String.format("0x%x", e.other().number())));
        NetworkErrorCode[] all = NetworkErrorCode.values();
        Gen<Err> codes = integers().between(0, all.length - 1).zip(integers().between(1, all.length - 1),
                (a, b) -> new Err(all[a], "", all[(a + b) % all.length])); // two different codes
        Gen<Err> texts = Generate.pick(messages).map(m -> new Err(NetworkErrorCode.fromName(m.get(1)).orElseThrow(), m.get(0), null));
        String kind = "NetworkError";
        error(kind, "Error result 1, hr = {hresult}. Setting event 0000000000001638.", "WinHttpReceiveResponse", h, codes);
        error(kind, "Error result 5, hr = {hresult}.", "WinHttpSendRequest", h, codes);
        error(kind, "Error from API WinHttpConnect. Code: {code-hex}", "WinHttpConnect", h, codes);
        error(kind, "WinHttpSendRequest() failed: {number}", "WinHttpSendRequest", h, codes);
        error(kind, "Call to WinHttpReadData: error {number}", "WinHttpReadData", h, codes);
        error(kind, "WinHttpReceiveResponse failed with error {number}", "WinHttpReceiveResponse", h, codes);
        error(kind, "WinHttpReadData dwError={number}", "WinHttpReadData", h, codes);
        error(kind, "request failed, error {number}", "", h, codes);
        error(kind, "Error: {number}", "", h, codes);
        error(kind, "Sending failed with error ({number})", "", h, codes);
        error(kind, "Connect failed. Code: {code-short}", "", h, codes);
        error(kind, "WinHttpOpenRequest: GetLastError()={number}", "WinHttpOpenRequest", h, codes);
        error(kind, "WinHttpSendRequest failed. GetLastError: {number}", "WinHttpSendRequest", h, codes);
        error(kind, "GetLastError returned {number}", "", h, codes);
        // WINHTTP_ASYNC_RESULT: dwResult is the call that failed, dwError the error
        error(kind, "Request error: dwResult = 5, dwError = {number}", "WinHttpSendRequest", h, codes);
        error(kind, "HandleCallback: hr = {hresult-signed}", "", h, codes);
        error(kind, "HRESULT {hresult-upper}", "", h, codes);
        error(kind, "hr={hresult-upper}", "", h, codes);
        error(kind, "Giving up: {name}", "", h, codes);
        error(kind, "recv: {name}", "", h, codes);
        error(kind, "WinHttpReceiveResponse: {message}", "WinHttpReceiveResponse", h, texts);
        // one error per code per record, in the order seen; one TLS failure with every certificate error's flag
        template(kind, "Error result 5, hr = {hresult} (error {number}, {name}); then code {other-short}", h, codes, e -> {
            List<Fact> out = new ArrayList<>(List.of(error(e.code(), "WinHttpSendRequest"), error(e.other(), "WinHttpSendRequest")));
            Set<SecurityFlag> flags = EnumSet.noneOf(SecurityFlag.class);
            e.code().securityFlag().ifPresent(flags::add);
            e.other().securityFlag().ifPresent(flags::add);
            if (!flags.isEmpty()) {
                out.add(tls(flags));
            }
            return out;
        });
        error(kind, "Error {number}: {message}", "", h, texts); // the text next to its number: one error
    }

    /** An error spelling: the error, and the TLS failure a certificate error's flag gives. */
    private static void error(String kind, String text, String operation, Map<String, Hole<Err>> h, Gen<Err> values) {
        template(kind, text, h, values, e -> {
            List<Fact> out = new ArrayList<>(List.of(error(e.code(), operation)));
            e.code().securityFlag().ifPresent(flag -> out.add(tls(Set.of(flag))));
            return out;
        });
    }

    // ------------------------------------------------------------------ destinations: DestinationDecoder

    /** An address: an IPv4 or IPv6 literal, a port, and a host name. */
    private record Dest(String ip, int port, String name) {
        String address() {
            return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
        }
    }

    private static final String IP_LITERAL = "\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-f:]+\\]";

    private static void destinations() {
        Map<String, Hole<Dest>> h = new LinkedHashMap<>();
        h.put("address", new Hole<>("(?:" + IP_LITERAL + "):\\d{1,5}", Dest::address));
        h.put("ip", new Hole<>(IP_LITERAL, d -> d.ip().contains(":") ? "[" + d.ip() + "]" : d.ip()));
        h.put("port", new Hole<>("\\d{1,5}", d -> Integer.toString(d.port())));
        h.put("name", new Hole<>("[A-Za-z0-9][A-Za-z0-9._-]*", Dest::name));
        Gen<String> v4 = integers().between(1, 223).zip(integers().between(0, 255), integers().between(0, 255),
                integers().between(1, 254), (a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Gen<String> v6 = integers().between(0x2000, 0x2fff).zip(integers().between(0, 0xffff), integers().between(1, 0xffff),
                (a, b, c) -> String.format("%x:%x::%x", a, b, c));
        Gen<String> ips = Generate.frequency(org.quicktheories.api.Pair.of(3, v4), org.quicktheories.api.Pair.of(1, v6));
        Gen<String> names = Generate.pick(List.of("sfo07s13-in-f170.1e100.net", "par10s40-in-f14.1e100.net",
                "lhr25s34-in-x01.1e100.net", "COMPUTERNAME", "www.googleapis.com", "proxy.corp.example", "localhost"));
        Gen<Dest> dests = ips.zip(integers().between(1, 65535), names, Dest::new);
        String kind = "Destination";
        template(kind, "Network connection destination details: {address} ({name})", h, dests,
                d -> List.of(destination(d.ip(), d.port(), d.name())));
        template(kind, "network connection DESTINATION DETAILS:{address} ( {name} )", h, dests,
                d -> List.of(destination(d.ip(), d.port(), d.name())));
        template(kind, "Network connection destination details: {address}", h, dests, d -> List.of(destination(d.ip(), d.port(), "")));
        template(kind, "Destination: {address}", h, dests, d -> List.of(destination(d.ip(), d.port(), "")));
        // the name first: the address is the literal, whichever side it is on
        template(kind, "Network connection destination details: {name}:{port} ({ip})", h, dests,
                d -> List.of(destination(d.ip(), d.port(), d.name())));
        // a connection's address counts in a record that reports a failure
        template(kind, "Connection to {address} timed out (error 12002)", h, dests,
                d -> List.of(destination(d.ip(), d.port(), ""), error(NetworkErrorCode.TIMEOUT, "")));
        template(kind, "connect() to {address} failed, WSAETIMEDOUT (10060)", h, dests,
                d -> List.of(destination(d.ip(), d.port(), ""), error(NetworkErrorCode.WSAETIMEDOUT, "")));
        template(kind, "Connecting to 10.0.0.9:443 failed: error 12029\nNetwork connection destination details: {address} ({name})",
                h, dests, d -> List.of(destination(d.ip(), d.port(), d.name()), error(NetworkErrorCode.CANNOT_CONNECT, "")));
    }

    // ------------------------------------------------------------------ proxy events: ProxyEventDecoder

    /** Schemes as a proxy writes them (any case, with parameters), and the proxy's address. */
    private record Proxy(List<String> schemes, String address) {
        /** The schemes as the decoder names them: the usual ones capitalised as usual, others as written. */
        List<String> named() {
            return schemes.stream().map(s -> CANONICAL.getOrDefault(s.toLowerCase(Locale.ROOT), s)).toList();
        }

        String challenge(String scheme) {
            return scheme + PARAMETERS.getOrDefault(scheme.toLowerCase(Locale.ROOT), "");
        }
    }

    /** The names {@code dev.sonde.net.AuthChallenges} canonicalises (the same for a log and a probe). */
    private static final Map<String, String> CANONICAL = Map.of(
            "basic", "Basic", "digest", "Digest", "ntlm", "NTLM", "negotiate", "Negotiate", "kerberos", "Kerberos",
            "bearer", "Bearer");
    /** What follows a scheme in a challenge: quoted commas and {@code =} that are not new schemes. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "basic", " realm=\"Corp, Inc\", charset=\"UTF-8\"",
            "digest", " realm=\"x\", nonce=\"abc\", qop=\"auth\"",
            "bearer", " realm=\"x\"");

    private static void proxyEvents() {
        Map<String, Hole<Proxy>> h = new LinkedHashMap<>();
        String header = "(?i:proxy-authenticate)";
        h.put("authenticate-lines", new Hole<>(header + ": [^\\n]+(?:\\n" + header + ": [^\\n]+)*",
                p -> String.join("\n", p.schemes().stream().map(s -> (s.length() % 2 == 0 ? "Proxy-Authenticate: " : "proxy-authenticate: ")
                        + p.challenge(s)).toList())));
        h.put("challenges", new Hole<>("[^\\n]+", p -> String.join(", ", p.schemes().stream().map(p::challenge).toList())));
        h.put("scheme", new Hole<>("[A-Za-z]+", p -> p.schemes().get(0)));
        h.put("challenge", new Hole<>("[^\\n]+", p -> p.challenge(p.schemes().get(0))));
        h.put("proxy", new Hole<>("(?:\\[[0-9a-f:]+\\]|[a-z0-9][a-z0-9._-]*):\\d{1,5}", Proxy::address));
        Gen<String> scheme = Generate.pick(List.of("Basic", "Digest", "NTLM", "Negotiate", "Kerberos", "Bearer"))
                .zip(integers().between(0, 2), (s, c) -> c == 0 ? s : c == 1 ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT));
        Gen<List<String>> schemes = lists().of(scheme).ofSizeBetween(1, 4).map(l -> {
            Map<String, String> distinct = new LinkedHashMap<>(); // one of each: the decoder names each once
            l.forEach(s -> distinct.putIfAbsent(s.toLowerCase(Locale.ROOT), s));
            return List.copyOf(distinct.values());
        });
        Gen<String> addresses = Generate.pick(List.of("10.0.0.5:8080", "proxy.corp.example:3128", "[fd00::5]:8080", "192.168.1.1:80"));
        Gen<Proxy> proxies = schemes.zip(addresses, Proxy::new);
        ProxyEvent.Kind auth = ProxyEvent.Kind.AUTH_REQUIRED;
        ProxyEvent.Kind direct = ProxyEvent.Kind.DIRECT_FALLBACK;
        String kind = "ProxyEvent";
        template(kind, "HTTP/1.1 407 Proxy Authentication Required\n{authenticate-lines}", h, proxies,
                p -> List.of(proxy(auth, p.named(), "")));
        template(kind, "Proxy-Authenticate: {challenges}", h, proxies, p -> List.of(proxy(auth, p.named(), "")));
        template(kind, "Proxy-Authenticate = {challenge}", h, proxies, p -> List.of(proxy(auth, p.named().subList(0, 1), "")));
        template(kind, "Proxy {proxy} answered status 407; Proxy-Authenticate: {challenge}", h, proxies,
                p -> List.of(proxy(auth, p.named().subList(0, 1), p.address())));
        template(kind, "Proxy {proxy} answered 407", h, proxies, p -> List.of(proxy(auth, List.of(), p.address())));
        for (String words : List.of("The proxy server requires authentication", "Proxy authentication is required (NTLM)",
                "Received 407 from the proxy", "Response status 407", "Status code: 407", "HTTP/1.1 407 Proxy Authentication Required")) {
            template(kind, words, h, proxies, p -> List.of(proxy(auth, List.of(), "")));
        }
        template(kind, "Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002f8f", h,
                proxies, p -> List.of(proxy(direct, List.of(), ""), error(NetworkErrorCode.SECURE_FAILURE, "WinHttpSendRequest")));
        template(kind, "Request through proxy {proxy} failed (error 12029); retrying direct.", h, proxies,
                p -> List.of(proxy(direct, List.of(), p.address()), error(NetworkErrorCode.CANNOT_CONNECT, "")));
        template(kind, "Proxy failed (error 12029); retry without WinHTTP proxy", h, proxies,
                p -> List.of(proxy(direct, List.of(), ""), error(NetworkErrorCode.CANNOT_CONNECT, "")));
        for (String words : List.of("Proxy failed; retrying without the proxy", "Proxy unreachable, falling back to direct connection")) {
            template(kind, words, h, proxies, p -> List.of(proxy(direct, List.of(), "")));
        }
    }

    // ------------------------------------------------------------------ certificates: CertificateDecoder

    /** A certificate: names country first, common name last, as blocks print them; its validity. */
    private record Cert(List<String> subject, List<String> issuer, Instant from, Instant until, ZoneOffset offset) {
    }

    /** How a log may print a validity date, what it matches, and whether it reads back (day and month certain). */
    private record DateForm(String name, String pattern, String regex, boolean dayFirstOrCertain) {
        String format(Instant t, ZoneOffset offset) {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.US);
            return name.equals("offset") ? f.format(t.atOffset(offset)) : f.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        }

        /** The date as read: {@code null} when day and month could be swapped (both 12 or less). */
        Instant read(Instant t) {
            return !dayFirstOrCertain && LocalDateTime.ofInstant(t, ZoneOffset.UTC).getDayOfMonth() <= 12 ? null : t;
        }
    }

    private static final List<DateForm> DATES = List.of(
            new DateForm("iso-millis", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", true),
            new DateForm("iso-z", "yyyy-MM-dd'T'HH:mm:ss'Z'", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", true),
            new DateForm("utc", "yyyy-MM-dd HH:mm:ss 'UTC'", "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC", true),
            new DateForm("offset", "yyyy-MM-dd'T'HH:mm:ssxxx", "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d", true),
            new DateForm("text", "MMM ppd HH:mm:ss yyyy 'GMT'", "[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} GMT", true),
            new DateForm("dotted", "dd.MM.yyyy HH:mm:ss", "\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d", true),
            new DateForm("us", "M/d/yyyy h:mm:ss a", "\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d\\d:\\d\\d [AP]M", false),
            new DateForm("day-first", "dd/MM/yyyy HH:mm:ss", "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d", false));

    private static DateForm date(String name) {
        return DATES.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    /** Names as certificates hold them (country first, common name last); one holds a comma. */
    private static final List<List<String>> SUBJECTS = List.of(
            List.of("US", "California", "Mountain View", "Google LLC", "*.googleapis.com"),
            List.of("US", "Google Inc", "*.google.com"),
            List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "*.google.com"),
            List.of("mail.google.com"));
    private static final List<List<String>> ISSUERS = List.of(
            List.of("US", "Google Trust Services", "WR2"),
            List.of("US", "Google Inc", "Google Internet Authority G2"),
            List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "DO_NOT_TRUST_FiddlerRoot"),
            List.of("US", "Zscaler, Inc.", "Zscaler Intermediate Root CA (zscaler.net)"),
            List.of("Evil Corp Root"));

    /** A name on one line, common name first ({@code CN=a, O=b, C=US}) or last; a value with a comma quoted. */
    private static String distinguishedName(List<String> values, boolean commonNameFirst) {
        List<String> keys = switch (values.size()) {
            case 1 -> List.of("CN");
            case 2 -> List.of("O", "CN");
            case 3 -> List.of("C", "O", "CN");
            case 4 -> List.of("C", "L", "O", "CN");
            default -> List.of("C", "ST", "L", "O", "CN");
        };
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            parts.add(keys.get(i) + "=" + (v.contains(",") ? "\"" + v + "\"" : v));
        }
        if (commonNameFirst) {
            java.util.Collections.reverse(parts);
        }
        return String.join(", ", parts);
    }

    private static void certificates() {
        Map<String, Hole<Cert>> h = new LinkedHashMap<>();
        h.put("subject-lines", new Hole<>("[^\\n]+(?:\\n[^-\\n][^\\n]*)*", c -> String.join("\n", c.subject())));
        h.put("issuer-lines", new Hole<>("[^\\n]+(?:\\n[^-\\n][^\\n]*)*", c -> String.join("\n", c.issuer())));
        h.put("subject-dn", new Hole<>("[A-Z]+=[^\\n]+", c -> distinguishedName(c.subject(), true)));
        h.put("subject-dn-country-first", new Hole<>("[A-Z]+=[^\\n]+", c -> distinguishedName(c.subject(), false)));
        h.put("issuer-dn", new Hole<>("[A-Z]+=[^\\n]+", c -> distinguishedName(c.issuer(), true)));
        for (DateForm d : DATES) {
            h.put("from:" + d.name(), new Hole<>(d.regex(), c -> d.format(c.from(), c.offset())));
            h.put("until:" + d.name(), new Hole<>(d.regex(), c -> d.format(c.until(), c.offset())));
        }
        Gen<Cert> certs = Generate.pick(SUBJECTS).zip(Generate.pick(ISSUERS), LogGenerators.instantsToTheSecond(),
                integers().between(1, 400), LogGenerators.offsets(),
                (s, i, from, days, offset) -> new Cert(s, i, from, from.plusSeconds(days * 86_400L - 1), offset));
        String kind = "Certificate";
        String marked = "---Validity--\nValid from: {from:%s}\nValid until: {until:%s}\n---Subject---\n{subject-lines}\n"
                + "---Issuer----\n{issuer-lines}\n-------------";
        for (DateForm d : DATES) { // the trace article's layout, every date form
            template(kind, "Failure details:\nCertificate details:\n" + marked.formatted(d.name(), d.name()), h, certs,
                    c -> List.of(certificate(c.subject(), c.issuer(), d.read(c.from()), d.read(c.until()))));
        }
        template(kind, "Certificate details:\n" + marked.formatted("utc", "utc"), h, certs, // the authorization article's
                c -> List.of(certificate(c.subject(), c.issuer(), c.from(), c.until())));
        // without its heading line, markers in any case and length
        template(kind, "Peer certificate follows.\n--- validity ---\nvalid from: {from:dotted}\nVALID UNTIL: {until:us}\n"
                + "----SUBJECT----\n{subject-lines}\n--Issuer--\n{issuer-lines}\n---", h, certs,
                c -> List.of(certificate(c.subject(), c.issuer(), c.from(), date("us").read(c.until()))));
        // labelled one-line names
        template(kind, "Server certificate:\nSubject: {subject-dn}\nIssuer: {issuer-dn}\nValid from: {from:text}\n"
                + "Valid until: {until:offset}", h, certs, c -> List.of(certificate(c.subject(), c.issuer(), c.from(), c.until())));
        template(kind, "Certificate details:\nSubject: {subject-dn}\nIssuer: {issuer-dn}\nNot valid before: {from:iso-z}\n"
                + "Not valid after: {until:day-first}", h, certs,
                c -> List.of(certificate(c.subject(), c.issuer(), c.from(), date("day-first").read(c.until()))));
        template(kind, "Certificate details:\nSubject: {subject-dn}\nNot before: {from:utc}\nExpires on: {until:iso-millis}", h, certs,
                c -> List.of(certificate(c.subject(), List.of(), c.from(), c.until())));
        template(kind, "Subject: {subject-dn-country-first}", h, certs, c -> List.of(certificate(c.subject(), List.of(), null, null)));
    }

    // ------------------------------------------------------------------ the client: ClientInfoDecoder

    /** An executable as a header names it, its product, the version printed, and what the decoder reads as the version. */
    private record Client(String exe, String product, String version) {
        boolean outlook() {
            return exe.toLowerCase(Locale.ROOT).startsWith("outlook");
        }
    }

    private static void clientInfos() {
        Map<String, Hole<Client>> h = new LinkedHashMap<>();
        h.put("exe", new Hole<>("[A-Za-z]+\\.(?:exe|EXE)", Client::exe));
        h.put("module", new Hole<>("[A-Za-z]+", c -> c.exe().substring(0, c.exe().indexOf('.'))));
        h.put("version", new Hole<>("\\d+(?:\\.\\d+){3}", Client::version));
        h.put("exe-version", new Hole<>("\\d+(?:\\.\\d+){3}", c -> "16.0.4849.1000"));
        Map<String, String> products = Map.of("outlook.exe", "GWSMO", "OUTLOOK.EXE", "GWSMO", "ProfileEditor.exe", "GWSMO",
                "ClientMigration.exe", "GWMMO", "ExchangeMigration.exe", "GSMME", "PasswordSync.exe", "GAPS");
        Gen<Client> clients = Generate.pick(List.copyOf(new java.util.TreeSet<>(products.keySet()))).zip(
                integers().between(1, 9), integers().between(0, 99), integers().between(0, 999),
                (exe, a, b, c) -> new Client(exe, products.get(exe), a + "." + b + "." + c + ".0"));
        String kind = "ClientInfo";
        String record = "Starting";
        Function<Client, List<Fact>> named = c -> List.of(client(c.product(), c.exe(), c.version()));
        traceTemplate(kind, "Exe name: {exe}\nProduct version: {version}", "Module", record, h, clients, named);
        traceTemplate(kind, "ExeName: {exe}\nProductVersion: {version}\nProcess_Id: 12", "Module", record, h, clients, named);
        traceTemplate(kind, "Exe name: {exe}\nproduct_version: {version}", "Module", record, h, clients, named);
        traceTemplate(kind, "Configuration:\n  Log level: verbose\nExe name: {exe}\nExe version: {exe-version}\n"
                + "Product version: {version}\nOS Version: 10.0.19045\nProcess Id: 4242", "Module", record, h, clients, named);
        traceTemplate(kind, "Exe path: C:\\Program Files\\Google\\Tools\\{exe}\nVersion: {version}", "Module", record,
                h, clients, named);
        // GWSMO runs inside Outlook: OUTLOOK.EXE's own version is Outlook's, not the product's
        traceTemplate(kind, "Exe name: {exe}\nExe version: {version}", "Module", record, h, clients,
                c -> List.of(client(c.product(), c.exe(), c.outlook() ? "" : c.version())));
        // no header: the executable the first record's location names
        traceTemplate(kind, "", "{module}", record, h, clients, c -> List.of(client(c.product(), c.exe().substring(0, c.exe().indexOf('.')), "")));
    }


    // ------------------------------------------------------------------ a server's answers: ServerAnswerDecoder

    /** A request: its URL's scheme, host, optional port and path, and the HTTP status it got. */
    private record Answer(String scheme, String host, int port, String path, int status) {
        String url() {
            return scheme + "://" + host + (port > 0 ? ":" + port : "") + path;
        }

        int effectivePort() {
            return port > 0 ? port : scheme.equals("https") ? 443 : 80;
        }

        /** The URL as the fact keeps it: its access token redacted. */
        String kept() {
            return url().replaceAll("access_token=[^&]+", "access_token=[redacted]");
        }
    }

    private static void serverAnswers() {
        Map<String, Hole<Answer>> h = new LinkedHashMap<>();
        h.put("status", new Hole<>("[1-5]\\d\\d", a -> Integer.toString(a.status())));
        h.put("url", new Hole<>("https?://[^\\s()]+", Answer::url));
        h.put("host", new Hole<>("[a-z0-9.-]+\\.[a-z]+", Answer::host));
        Gen<Integer> statuses = Generate.pick(List.of(200, 201, 204, 301, 302, 304, 401, 403, 404, 500, 502, 503));
        Gen<Answer> answers = Generate.pick(List.of("https", "http")).zip(
                Generate.pick(List.of("www.googleapis.com", "mail.google.com", "oauth2.googleapis.com", "www.google.com", "c.pki.goog")),
                Generate.pick(List.of(0, 0, 443, 8443)),
                Generate.pick(List.of("/", "/calendar/v3/users/me/calendarList?maxResults=250", "/mail/r/", "/token",
                        "/drive/v3/files?access_token=ya29.a0Abc&fields=id", "/m8/feeds/gal")),
                statuses, Answer::new);
        String kind = "ServerAnswer";
        Function<Answer, List<Fact>> bare = a -> List.of(answer("", "", "", 0, a.status()));
        Function<Answer, List<Fact>> withUrl = a -> List.of(answer(a.host(), a.kept(), "", a.effectivePort(), a.status()));
        Function<Answer, List<Fact>> stated = a -> List.of(answer(a.host(), a.kept(), "", a.effectivePort(), 0));
        template(kind, "Request completed. HTTP status {status}, 1432 bytes received.", h, answers, bare);
        template(kind, "Request completed. HTTP status: {status}, 1432 bytes received.", h, answers, bare);
        template(kind, "Request to {url} completed with HTTP status: {status}", h, answers, withUrl);
        template(kind, "GET {url} Status code: {status}", h, answers, withUrl);
        template(kind, "WinHttpQueryHeaders: StatusCode={status} for {url}", h, answers, withUrl);
        template(kind, "Response status: {status} ({url})", h, answers, withUrl);
        template(kind, "Received response {status} OK from {url}", h, answers, withUrl);
        template(kind, "received response {status}", h, answers, bare);
        template(kind, "WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE\nHTTP/1.1 {status} OK", h, answers, bare);
        template(kind, "Callback WINHTTP_CALLBACK_STATUS_HEADERS_AVAILABLE: {status}", h, answers, bare);
        template(kind, "HTTP/1.1 {status} Service Unavailable\nNetwork connection destination details: 142.250.74.46:443 (www.googleapis.com)",
                h, answers, a -> List.of(destination("142.250.74.46", 443, "www.googleapis.com"),
                        answer("", "", "142.250.74.46", 443, a.status())));
        template(kind, "HTTP/2 {status}", h, answers, bare);
        template(kind, "Request to {url} succeeded.", h, answers, stated);
        template(kind, "Fetched token from {url}", h, answers, stated);
        template(kind, "OAuth2 token refreshed ({url})", h, answers, stated);
        template(kind, "Successfully fetched access token from {host}", h, answers,
                a -> List.of(answer(a.host(), "", "", 0, 0)));
        // no answer: a success about no server, a negated one, a proxy's 407, numbers that are not statuses
        for (String words : List.of("Sync pass finished successfully.", "Request to {url} has not succeeded",
                "Uploaded 3 events, status 2000 ok.", "Fetched 3 events")) {
            template(kind, words, h, answers, a -> List.of());
        }
    }

    // ------------------------------------------------------------------ an answer's Date header: DateHeaderDecoder

    /** An answer with its {@code Date} line ({@link HttpDateSpellings}). */
    private record Dated(Answer answer, String dateLine) {
    }

    private static void dateHeaders() {
        Map<String, Hole<Dated>> h = new LinkedHashMap<>();
        h.put("status", new Hole<>("[1-5]\\d\\d", d -> Integer.toString(d.answer().status())));
        h.put("url", new Hole<>("https?://[^\\s()]+", d -> d.answer().url()));
        h.put("date-line", new Hole<>("[ \\t]*+(?i:date)[ \\t]*+:[ \\t]*+\\S.*", Dated::dateLine));
        Gen<Answer> answers = Generate.pick(List.of("https", "http")).zip(
                Generate.pick(List.of("www.googleapis.com", "mail.google.com", "oauth2.googleapis.com", "c.pki.goog")),
                Generate.pick(List.of(0, 0, 443)),
                Generate.pick(List.of("/", "/calendar/v3/users/me/calendarList", "/mail/r/", "/token")),
                Generate.pick(List.of(200, 204, 304, 401, 403, 404, 503)), Answer::new);
        Gen<Dated> dated = answers.zip(LogGenerators.instantsToTheSecond().flatMap(HttpDateSpellings::lines),
                (a, l) -> new Dated(a, l.line()));
        String kind = "DateHeader";
        // a Date is read only against a zoned time: trace logs
        traceTemplate(kind, "", "Module", "Received response {status} OK from {url}\n{date-line}\nServer: ESF", h, dated,
                d -> List.of(answer(d.answer().host(), d.answer().url(), "", d.answer().effectivePort(), d.answer().status()),
                        clock(d.answer().url())));
        traceTemplate(kind, "", "Module", "Received response {status} OK from {url}\n{date-line}", h, dated,
                d -> List.of(answer(d.answer().host(), d.answer().url(), "", d.answer().effectivePort(), d.answer().status()),
                        clock(d.answer().url())));
        traceTemplate(kind, "", "Module", "HTTP/1.1 {status} No Content\n{date-line}", h, dated,
                d -> List.of(answer("", "", "", 0, d.answer().status()), clock("")));
        // a value that is no date reads as nothing
        traceTemplate(kind, "", "Module", "Request to {url} completed with HTTP status: {status}\nDate: yesterday", h, dated,
                d -> List.of(answer(d.answer().host(), d.answer().url(), "", d.answer().effectivePort(), d.answer().status())));
    }

    static { // last: the tables the templates use are set above
        tlsFailures();
        networkErrors();
        destinations();
        proxyEvents();
        certificates();
        clientInfos();
        serverAnswers();
        dateHeaders();
    }
}
