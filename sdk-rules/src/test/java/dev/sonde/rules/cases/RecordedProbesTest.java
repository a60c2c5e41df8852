package dev.sonde.rules.cases;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.SondeException;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.Destination;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.PacFailure;
import dev.sonde.facts.PacFailureReason;
import dev.sonde.facts.PacProxy;
import dev.sonde.facts.PacRoute;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.RevocationKind;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link RecordedProbes}: one fact of every type written and read back, the file's shape, the errors a bad file
 * gives (what and where), credentials never written, play-back as the live prober reports, and a live run against
 * loopback servers recorded and played back to the same report. Nothing here leaves 127.0.0.0/8.
 */
class RecordedProbesTest {

    static final Instant AT = Instant.parse("2025-03-10T09:15:02Z");

    static DroolsRuleEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    static Evidence src(String family, String text) {
        return new Evidence("probe:" + family, 0, text);
    }

    /** {@link #oneOfEach()} and the auto-config script's facts: every type a file holds. */
    static List<Fact> everyType() {
        LogTime u = LogTime.UNKNOWN;
        List<Fact> pac = List.of(
                new PacRoute("http://wpad.corp.example/proxy.pac", "https://www.googleapis.com/calendar/", "www.googleapis.com",
                        "PROXY 10.0.0.5:8080; DIRECT", List.of(new PacProxy(PacProxy.Type.PROXY, "10.0.0.5:8080"), PacProxy.DIRECT),
                        u, "", src("pac", "FindProxyForURL(\"https://www.googleapis.com/calendar/\", \"www.googleapis.com\")")),
                new PacFailure("http://wpad.corp.example/proxy.pac", "", PacFailureReason.UNREACHABLE, "connection refused", u, "",
                        src("pac", "http://wpad.corp.example/proxy.pac: UNREACHABLE: connection refused")));
        return java.util.stream.Stream.concat(oneOfEach().stream(), pac.stream()).toList();
    }

    /** One fact of each probe family's types, with the awkward values: nulls, empty lists, a log time, a thread. */
    static List<Fact> oneOfEach() {
        LogTime u = LogTime.UNKNOWN;
        return List.of(
                new DnsCheck("www.googleapis.com", ProbeStatus.OK, DnsReason.RESOLVED, List.of("142.250.185.74", "2a00:1450:4001:82a::200a"),
                        u, "", src("dns", "DNS www.googleapis.com: RESOLVED 142.250.185.74 in 12 ms")),
                new PortCheck("crl.pki.goog", 80, List.of("revocation"), ProbeStatus.PROBLEM, TcpReason.TIMED_OUT, "142.250.186.163", u, "",
                        src("tcp", "TCP crl.pki.goog:80 (142.250.186.163): no answer in 8004 ms (dropped)")),
                new ServedChain("mail.google.com", 443, ProbeStatus.PROBLEM, TlsReason.UNTRUSTED_CHAIN, List.of(TlsReason.UNTRUSTED_CHAIN),
                        "CN=*.google.com,O=DO_NOT_TRUST", "CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST",
                        "CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST", List.of("CN=DO_NOT_TRUST_FiddlerRoot,O=DO_NOT_TRUST"),
                        Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), "ab01cd",
                        Instant.parse("2025-03-10T09:15:01.123456789Z"), u, "", src("tls", "TLS mail.google.com:443: UNTRUSTED_CHAIN")),
                new ServedChain("www.google.com", 443, ProbeStatus.PROBLEM, TlsReason.TIMED_OUT, List.of(), "", "", "", List.of(), null, null,
                        "", null, u, "", src("tls", "TLS www.google.com:443: TIMED_OUT")),
                new UrlCheck("notes", "https://www.googleapis.com/drive/", "www.googleapis.com", ProbeStatus.PROBLEM, UrlReason.FILTERED, 403,
                        "BlueCoat-SG", "1.1 proxy.corp.example", u, "", src("https", "HTTPS GET https://www.googleapis.com/drive/ (notes): "
                                + "FILTERED 403, Server: BlueCoat-SG, Via: 1.1 proxy.corp.example")),
                new RevocationCheck(RevocationKind.OCSP, "http://o.pki.goog/wr2", "o.pki.goog", ProbeStatus.OK, RevocationReason.GOOD, u, "",
                        src("revocation", "OCSP http://o.pki.goog/wr2 for the leaf served by www.google.com: GOOD")),
                new ClockCheck("https://www.google.com/m8/feeds/gal", -259_200, ProbeStatus.PROBLEM, Instant.parse("2025-03-13T09:15:02Z"),
                        Instant.parse("2025-03-10T09:15:02.5Z"), u, "", src("clock", "Date of https://www.google.com/m8/feeds/gal: ...")),
                new ClockCheck("Date headers", 0, ProbeStatus.NOT_RUN, null, null, u, "", src("clock", "not measured")),
                new ProxySetting(ProxyOrigin.ENV, "proxy.corp.example:3128", "localhost,.corp.example", u, "",
                        src("proxy", "proxy proxy.corp.example:3128 configured (env), bypass localhost,.corp.example")),
                new ProxyCheck("proxy.corp.example:3128", ProxyOrigin.ENV, ProbeStatus.PROBLEM, ProxyReason.AUTH_REQUIRED, 407, List.of("NTLM", "Negotiate"),
                        u, "", src("proxy", "CONNECT www.google.com:443 through proxy.corp.example:3128 (env): AUTH_REQUIRED 407")),
                new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, List.of("NTLM", "Negotiate"), "proxy.corp.example:3128", u, "",
                        src("proxy", "CONNECT www.google.com:443 through proxy.corp.example:3128 (env): AUTH_REQUIRED 407")),
                new ProbeSkipped(ProbeFamily.HTTPS, "https://www.google.com/m8/feeds/gal", "no TCP connection to www.google.com:443", u, "",
                        src("https", "https check of https://www.google.com/m8/feeds/gal not run: no TCP connection to www.google.com:443")),
                // not what probes send, but the format keeps it: a log time (zoned and not), a thread, a line
                new DnsCheck("a.example", ProbeStatus.PROBLEM, DnsReason.NOT_FOUND, List.of(),
                        new LogTime(java.time.LocalDateTime.parse("2025-03-10T09:12:44.101"), java.time.ZoneOffset.ofHours(-3)), "1234",
                        new Evidence("probe:dns", 7, "DNS a.example: NOT_FOUND")),
                new DnsCheck("b.example", ProbeStatus.PROBLEM, DnsReason.TIMED_OUT, List.of(),
                        new LogTime(java.time.LocalDateTime.parse("2025-03-10T09:12:44"), null), "", src("dns", "DNS b.example: TIMED_OUT")));
    }

    static String written(List<? extends Fact> facts) throws IOException {
        StringWriter w = new StringWriter();
        RecordedProbes.write(facts, AT, w);
        return w.toString();
    }

    @Test
    void everyFactTypeIsWrittenAndReadBackEqual() throws IOException {
        List<Fact> facts = everyType();
        assertThat(facts).extracting(f -> f.getClass().getSimpleName()).containsAll(RecordedProbes.types());
        String text = written(facts);
        assertThat(RecordedProbes.read(new StringReader(text), "x.json")).containsExactlyElementsOf(facts);

        Path file = dir.resolve("probes.json");
        RecordedProbes.write(facts, file);
        assertThat(RecordedProbes.read(file)).containsExactlyElementsOf(facts);
    }

    @Test
    void theFileIsTaggedAndHoldsOneFactPerLineInTheRecordOrder() throws IOException {
        String text = written(oneOfEach());
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("{");
        assertThat(lines.get(1)).isEqualTo("  \"format\": \"sonde.probes/1\",");
        assertThat(lines.get(2)).isEqualTo("  \"recordedAt\": \"2025-03-10T09:15:02Z\",");
        assertThat(lines.get(3)).isEqualTo("  \"facts\": [");
        assertThat(lines.get(5)).isEqualTo("    {\"type\": \"PortCheck\", \"host\": \"crl.pki.goog\", \"port\": 80, \"services\": [\"revocation\"], "
                + "\"status\": \"PROBLEM\", \"reason\": \"TIMED_OUT\", \"address\": \"142.250.186.163\", \"source\": {\"file\": \"probe:tcp\", "
                + "\"text\": \"TCP crl.pki.goog:80 (142.250.186.163): no answer in 8004 ms (dropped)\"}},");
        assertThat(lines).hasSize(4 + oneOfEach().size() + 2);
        // unknown time and empty thread are left out; nulls are written as null
        assertThat(lines.get(4)).doesNotContain("\"time\"").doesNotContain("\"thread\"");
        assertThat(lines.get(7)).contains("\"notBefore\": null, \"notAfter\": null");
        assertThat(lines.get(4 + 12)).contains("\"time\": \"2025-03-10T09:12:44.101-03:00\", \"thread\": \"1234\"")
                .contains("\"line\": 7");
        assertThat(lines.get(4 + 13)).contains("\"time\": \"2025-03-10T09:12:44\"");
        assertThat(written(List.of())).isEqualTo("{\n  \"format\": \"sonde.probes/1\",\n  \"recordedAt\": \"2025-03-10T09:15:02Z\",\n"
                + "  \"facts\": []\n}\n");
    }

    @Test
    void aHandWrittenFileNeedsNoTimeThreadOrLineAndMayHoldComments() {
        List<Fact> facts = RecordedProbes.read(new StringReader("""
                {"format": "sonde.probes/1", "_about": "written by hand",
                 "facts": [{"_note": "443 dropped", "type": "PortCheck", "host": "www.google.com", "port": 443,
                            "services": ["contacts"], "status": "PROBLEM", "reason": "TIMED_OUT", "address": "",
                            "source": {"file": "probe:tcp", "text": "TCP www.google.com:443: dropped"}}]}
                """), "hand.json");
        assertThat(facts).containsExactly(new PortCheck("www.google.com", 443, List.of("contacts"), ProbeStatus.PROBLEM, TcpReason.TIMED_OUT, "",
                LogTime.UNKNOWN, "", src("tcp", "TCP www.google.com:443: dropped")));
    }

    /** The message reading {@code text} as {@code probes.json} gives. */
    String error(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("probes.json"), text, StandardCharsets.UTF_8);
        try {
            RecordedProbes.read(file);
        } catch (SondeException e) {
            assertThat(e.getMessage()).startsWith(file + ": ");
            return e.getMessage().substring(file.toString().length() + 2);
        }
        throw new AssertionError("read " + text);
    }

    static final String PORT = "{\"type\": \"PortCheck\", \"host\": \"h\", \"port\": 443, \"services\": [], \"status\": \"OK\", "
            + "\"reason\": \"CONNECTED\", \"address\": \"\", \"source\": {\"file\": \"probe:tcp\", \"text\": \"t\"}}";

    static String file(String... facts) {
        return "{\"format\": \"sonde.probes/1\", \"facts\": [" + String.join(", ", facts) + "]}";
    }

    @Test
    void aBadFileSaysWhatIsWrongAndWhere() throws IOException {
        assertThat(error("{\"format\": \"sonde.probes/1\",\n \"facts\": [}")).startsWith("not valid JSON at line 2, column 12: ");
        assertThat(error("[]")).isEqualTo("not a recorded probes file: expected a JSON object with \"format\": \"sonde.probes/1\"");
        assertThat(error("{\"facts\": []}")).isEqualTo("not a recorded probes file: no \"format\": \"sonde.probes/1\"");
        assertThat(error("{\"format\": \"sonde.probes/2\", \"facts\": []}"))
                .isEqualTo("format sonde.probes/2 is not supported; this Sonde reads sonde.probes/1");
        assertThat(error("{\"format\": \"sonde.probes/1\", \"facts\": {}}")).isEqualTo("\"facts\" must be an array of facts");
        assertThat(error("{\"format\": \"sonde.probes/1\", \"recordedAt\": \"yesterday\", \"facts\": []}"))
                .startsWith("\"recordedAt\" must be an ISO-8601 instant");
        assertThat(error(file(PORT, PORT, PORT.replace("PortCheck", "PortChek"))))
                .startsWith("facts[2]: unknown type \"PortChek\" (one of DnsCheck, PortCheck, ServedChain,");
        assertThat(error(file(PORT, "{\"host\": \"h\"}"))).startsWith("facts[1]: no \"type\" (one of DnsCheck");
        assertThat(error(file("42"))).isEqualTo("facts[0]: not a JSON object");
        assertThat(error(file(PORT, PORT.replace("\"port\": 443, ", ""))))
                .isEqualTo("facts[1] (PortCheck): missing field \"port\"");
        assertThat(error(file(PORT.replace("443", "\"443\"")))).isEqualTo("facts[0] (PortCheck): \"port\" must be a whole number, was \"443\"");
        // strict binding: no coercion between kinds of values, and a number that does not fit is refused
        assertThat(error(file(PORT.replace("443", "443.5")))).isEqualTo("facts[0] (PortCheck): \"port\" must be a whole number, was 443.5");
        assertThat(error(file(PORT.replace("443", "99999999999"))))
                .isEqualTo("facts[0] (PortCheck): \"port\" must be a whole number, was 99999999999");
        assertThat(error(file(PORT.replace("\"h\"", "7")))).isEqualTo("facts[0] (PortCheck): \"host\" must be a string, was 7");
        assertThat(error(file(PORT.replace("\"file\": \"probe:tcp\", ", "\"file\": \"probe:tcp\", \"line\": -1, "))))
                .isEqualTo("facts[0] (PortCheck): \"source\": \"line\" must be a whole number >= 0, was -1");
        assertThat(error(file(PORT.replace("\"file\": \"probe:tcp\", ", "\"file\": \"probe:tcp\", \"lines\": 1, "))))
                .isEqualTo("facts[0] (PortCheck): \"source\": unknown field \"lines\" (fields: file, line, text)");
        assertThat(error(file(PORT.replace("\"OK\"", "\"FINE\""))))
                .isEqualTo("facts[0] (PortCheck): \"status\" must be one of OK, PROBLEM, NOT_RUN, was \"FINE\"");
        assertThat(error(file(PORT.replace("\"h\"", "null")))).isEqualTo("facts[0] (PortCheck): \"host\" must not be null");
        assertThat(error(file(PORT.replace("\"services\": []", "\"services\": [1]"))))
                .isEqualTo("facts[0] (PortCheck): \"services\" must be an array of strings, holds 1");
        assertThat(error(file(PORT.replace("\"address\"", "\"adress\""))))
                .isEqualTo("facts[0] (PortCheck): unknown field \"adress\" (fields: host, port, services, status, reason, address, time, "
                        + "thread, source)");
        assertThat(error(file(PORT.replace("\"file\": \"probe:tcp\", ", ""))))
                .isEqualTo("facts[0] (PortCheck): \"source\": \"file\" must be a string such as \"probe:tcp\"");
        assertThat(error(file(PORT.replace("\"address\": \"\"", "\"address\": \"\", \"time\": \"noon\""))))
                .startsWith("facts[0] (PortCheck): \"time\" must be an ISO-8601 time");
        assertThat(error(file("{\"type\": \"ClockCheck\", \"target\": \"u\", \"offsetSeconds\": 0, \"status\": \"OK\", "
                + "\"serverTime\": \"2025-03-10\", \"localTime\": null, \"source\": {\"file\": \"probe:clock\", \"text\": \"t\"}}")))
                .isEqualTo("facts[0] (ClockCheck): \"serverTime\" must be an ISO-8601 instant such as 2025-03-10T09:15:02Z (or null), "
                        + "was \"2025-03-10\"");
        assertThat(error(file("{\"type\": \"ProxyEvent\", \"kind\": \"GONE\", \"schemes\": [], \"proxy\": \"p:1\", "
                + "\"source\": {\"file\": \"probe:proxy\", \"text\": \"t\"}}")))
                .isEqualTo("facts[0] (ProxyEvent): \"kind\" must be one of AUTH_REQUIRED, DIRECT_FALLBACK, was \"GONE\"");
        Files.write(dir.resolve("probes.json"), new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> RecordedProbes.read(dir.resolve("probes.json"))).hasMessageEndingWith("probes.json: not UTF-8 text");
        assertThatThrownBy(() -> RecordedProbes.read(dir.resolve("none.json"))).isInstanceOf(SondeException.class)
                .hasMessage(dir.resolve("none.json") + ": no such file");
    }

    @Test
    void proxyCredentialsAreNeverWritten() throws IOException {
        List<Fact> facts = List.of(
                new ProxySetting(ProxyOrigin.ENV, "alice:s3cret@proxy.corp.example:3128", "", LogTime.UNKNOWN, "",
                        src("proxy", "proxy alice:s3cret@proxy.corp.example:3128 configured (env) from http://alice:s3cret@proxy.corp.example:3128/")),
                new ProxyCheck("http://bob:hunter2@10.0.0.8:8080", ProxyOrigin.GIVEN, ProbeStatus.OK, ProxyReason.OPEN, 200, List.of(), LogTime.UNKNOWN, "",
                        src("proxy", "CONNECT www.google.com:443 through bob:hunter2@10.0.0.8:8080 (given): OPEN 200")),
                new UrlCheck("mail", "https://carol:pw1@mail.google.com/mail/r/?code=4/0Adeu5", "mail.google.com", ProbeStatus.OK, UrlReason.ANSWERED,
                        302, "GSE", "", LogTime.UNKNOWN, "", src("https", "HTTPS GET https://carol:pw1@mail.google.com/mail/r/: ANSWERED 302")));
        String text = written(facts);
        assertThat(text).doesNotContain("s3cret").doesNotContain("alice").doesNotContain("hunter2").doesNotContain("bob:")
                .doesNotContain("pw1").doesNotContain("carol").doesNotContain("4/0Adeu5");
        List<Fact> back = RecordedProbes.read(new StringReader(text), "x");
        assertThat(((ProxySetting) back.get(0)).proxy()).isEqualTo("proxy.corp.example:3128");
        assertThat(back.get(0).source().text())
                .isEqualTo("proxy proxy.corp.example:3128 configured (env) from http://proxy.corp.example:3128/");
        assertThat(((ProxyCheck) back.get(1)).proxy()).isEqualTo("http://10.0.0.8:8080");
        assertThat(back.get(1).source().text()).isEqualTo("CONNECT www.google.com:443 through 10.0.0.8:8080 (given): OPEN 200");
        assertThat(((UrlCheck) back.get(2)).url()).isEqualTo("https://mail.google.com/mail/r/?code=[redacted]");
    }

    @Test
    void onlyProbeFactsCanBeWritten() {
        Destination logged = new Destination("10.0.0.1", 443, "", LogTime.UNKNOWN, "", new Evidence("auth.log", 3, "..."));
        assertThatThrownBy(() -> written(List.of(oneOfEach().get(0), logged))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Destination is not a probe fact");
        assertThatThrownBy(() -> RecordedProbes.prober(List.of(logged))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Runs {@code prober} as Sonde does and keeps what it gave. */
    record Played(List<Fact> facts, List<Warning> warnings, List<InputSummary> sources) {
        static Played by(dev.sonde.spi.Prober prober, ProbeCatalog catalog) {
            List<Fact> facts = new ArrayList<>();
            List<Warning> warnings = new ArrayList<>();
            List<InputSummary> sources = prober.run(catalog, ProbeOptions.defaults(), facts::add, warnings::add);
            return new Played(facts, warnings, sources);
        }
    }

    @Test
    void playBackSendsTheFactsInTheLiveOrderAndCountsThemPerFamily() {
        List<Fact> facts = new ArrayList<>(oneOfEach().subList(0, 12));
        java.util.Collections.reverse(facts);
        Played p = Played.by(RecordedProbes.prober(facts), ProbeCatalog.EMPTY);
        // sorted by source file, then text, then type, as CatalogProber hands facts over
        assertThat(p.facts()).extracting(f -> f.source().file()).isSorted();
        assertThat(p.facts()).containsExactlyInAnyOrderElementsOf(facts);
        assertThat(p.sources()).containsExactly(
                new InputSummary("probe:dns", "probe", "", 1, 0, 1, InputSummary.Status.READ),
                new InputSummary("probe:tcp", "probe", "", 1, 0, 1, InputSummary.Status.READ),
                new InputSummary("probe:tls", "probe", "", 2, 0, 2, InputSummary.Status.READ),
                new InputSummary("probe:https", "probe", "", 1, 1, 2, InputSummary.Status.READ),
                new InputSummary("probe:revocation", "probe", "", 1, 0, 1, InputSummary.Status.READ),
                // ProxySetting and ProxyEvent are facts, not checks
                new InputSummary("probe:proxy", "probe", "", 1, 0, 3, InputSummary.Status.READ),
                new InputSummary("probe:clock", "probe", "", 2, 0, 2, InputSummary.Status.READ));
        assertThat(p.warnings()).containsExactly(new Warning("probe:https", 0,
                "https://www.google.com/m8/feeds/gal not checked: no TCP connection to www.google.com:443"));

        Played none = Played.by(RecordedProbes.prober(List.of()), ProbeCatalog.EMPTY);
        assertThat(none.sources()).isEmpty();
        assertThat(none.warnings()).containsExactly(new Warning("probe", 0, "the recorded probes hold no result"));
    }

    @Test
    void theRecorderKeepsWhatTheProberSentAndPassesItOn() throws IOException {
        List<Fact> facts = oneOfEach().subList(0, 5);
        RecordingProber recorder = RecordedProbes.recording(RecordedProbes.prober(facts));
        Played first = Played.by(recorder, ProbeCatalog.EMPTY);
        assertThat(recorder.facts()).isEqualTo(first.facts()).hasSize(5);
        Played.by(recorder, ProbeCatalog.EMPTY);
        assertThat(recorder.facts()).as("the most recent run only").hasSize(5);
        Path file = dir.resolve("rec.json");
        assertThat(recorder.write(file)).isEqualTo(5);
        assertThat(RecordedProbes.read(file)).isEqualTo(first.facts());
    }

    // ---- a live run against loopback servers, recorded and played back ------------------------------

    static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void aLiveRunRecordedAndPlayedBackGivesTheSameReport() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        try (LoopbackPki loopback = LoopbackPki.start(); TlsTestServer healthy = TlsTestServer.start(loopback.pki().healthy());
             TlsTestServer filtered = TlsTestServer.start(loopback.pki().healthy())) {
            filtered.respond(403, Map.of("Server", "BlueCoat-SG", "Via", "1.1 web-filter"), "blocked");
            X509Certificate root = loopback.pki().genuineRoot().certificate();
            ProbeCatalog catalog = new ProbeCatalog(List.of(
                    ProbeCatalog.Endpoint.of("mail", "https://localhost:" + healthy.port() + "/mail/r/"),
                    ProbeCatalog.Endpoint.of("notes", "https://localhost:" + filtered.port() + "/drive/"),
                    ProbeCatalog.Endpoint.of("calendar", "https://127.0.0.1:" + closed.port() + "/calendar/"),
                    ProbeCatalog.Endpoint.of("revocation", "http://127.0.0.1:" + loopback.revocation().port() + "/")),
                    List.of(new ProbeCatalog.RootCertificate("Sonde Test Root R1",
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded())), pem(root))));
            ProbeOptions options = ProbeOptions.defaults().withSystemProxyDiscovery(false)
                    .withTimeout(Duration.ofSeconds(15)).withProbeTimeout(Duration.ofSeconds(5));
            RecordingProber recorder = RecordedProbes.recording(new CatalogProber());
            Report live = Sonde.builder().engine(engine).probeCatalog(catalog).prober(recorder).probeOptions(options).build().probe();
            Path file = dir.resolve("probes.json");
            int written = recorder.write(file);

            assertThat(live.finding("PORT_BLOCKED")).isPresent();
            assertThat(live.finding("URL_BLOCKED")).isPresent();
            assertThat(written).isEqualTo(live.inputs().stream().mapToLong(InputSummary::facts).sum()).isGreaterThan(8);
            assertThat(RecordedProbes.read(file)).isEqualTo(recorder.facts());

            Report replayed = Sonde.builder().engine(engine).prober(RecordedProbes.prober(file)).build().probe();
            assertThat(replayed.findings()).isEqualTo(live.findings());
            assertThat(replayed.inputs()).isEqualTo(live.inputs());
            assertThat(replayed.warnings()).isEqualTo(live.warnings()).isNotEmpty();
        }
    }

    // ---- golden cases with recorded probes -------------------------------------------------------

    @Test
    void aCaseOfRecordedProbesOnlyRunsAndABrokenOneNamesFileAndFact() throws IOException {
        Path cases = dir.resolve("cases");
        Path blocked = Files.createDirectories(cases.resolve("blocked"));
        Files.writeString(blocked.resolve("expect.json"), "{\"top\": \"PORT_BLOCKED\", \"absent\": [\"URL_BLOCKED\"],"
                + " \"params\": {\"PORT_BLOCKED\": {\"port\": \"80\", \"blocking\": \"dropped\"}}}");
        RecordedProbes.write(List.of(oneOfEach().get(1)), blocked.resolve(RecordedProbes.FILE));
        Path logs = Files.createDirectories(cases.resolve("logs-only"));
        Files.writeString(logs.resolve("expect.json"), "{\"maxSeverity\": \"low\"}");
        Files.writeString(logs.resolve("auth.log"), "[2025-03-10T09:15:01:INFO:windows_http.cc(95)] Sending token request.\n");

        List<GoldenCase> all = GoldenCase.load(cases);
        assertThat(all).extracting(GoldenCase::name).containsExactly("blocked", "logs-only");
        assertThat(all.get(0).probes()).hasValue(blocked.resolve("probes.json"));
        assertThat(all.get(1).probes()).isEqualTo(Optional.empty());
        Report report = all.get(0).run(engine);
        assertThat(all.get(0).check(report)).isEmpty();
        assertThat(report.top().orElseThrow().title()).isEqualTo("TCP port 80 to Google is silently blocked");
        assertThat(all.get(1).check(all.get(1).run(engine))).isEmpty();

        // the expectation fails when the recorded port opens
        Files.writeString(blocked.resolve("probes.json"), written(List.of(new PortCheck("crl.pki.goog", 80, List.of("revocation"),
                ProbeStatus.OK, TcpReason.CONNECTED, "142.250.186.163", LogTime.UNKNOWN, "", src("tcp", "TCP crl.pki.goog:80: connected")))));
        assertThat(all.get(0).check(all.get(0).run(engine))).containsExactly("top finding is (no finding), expected PORT_BLOCKED",
                "PORT_BLOCKED is missing (expected parameters {port=80, blocking=dropped})");

        Files.writeString(blocked.resolve("probes.json"), file(PORT, PORT.replace("\"status\": \"OK\", ", "")));
        assertThatThrownBy(() -> all.get(0).run(engine)).isInstanceOf(SondeException.class)
                .hasMessage(blocked.resolve("probes.json") + ": facts[1] (PortCheck): missing field \"status\"");
    }
}
