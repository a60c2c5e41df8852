package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.cases.RecordingProber;
import dev.sonde.rules.engine.DroolsRuleEngineFactory;
import dev.sonde.spi.RuleEngine;
import dev.sonde.testsupport.net.ProxyTestServer;
import dev.sonde.testsupport.net.RevocationTestServer;
import dev.sonde.testsupport.net.TestPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the built-in pack's golden cases that issue 10 added from live probes (not a test of the build: it runs only
 * when {@code -Dsonde.record.dir=DIR} is given, and writes {@code DIR/<case>/probes.json}, the recording as made in
 * {@code loopback-probes.json} and the live report in {@code live-report.txt}). Each scenario starts loopback servers
 * whose certificates {@link TestPki} makes for a Google host name (and localhost, the name the probes ask for), probes
 * them through the real prober ({@link CatalogProber}, recorded as {@code sonde probe --record} does; the catalog names
 * only {@code https://localhost:PORT/...}, so no probe, the URL probe's own resolver included, leaves 127.0.0.1) and
 * checks the live report shows the problem. The recording then gets, line by line, each server's Google host name,
 * port 443 and a Google address in place of localhost, its port and 127.0.0.1 (the cases' descriptions say so).
 *
 * <pre>./mvnw -B -o -q -pl sdk-cli -am verify -Dtest=GoldenCaseRecorder -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsonde.record.dir=/tmp/recordings</pre>
 */
@EnabledIfSystemProperty(named = "sonde.record.dir", matches = ".+")
class GoldenCaseRecorder {

    /** Google's names the scenarios use, with an address Google serves them from (for the renamed recording). */
    static final Map<String, String> GOOGLE = Map.of("mail.google.com", "142.250.185.101", "www.google.com", "142.250.185.100",
            "www.googleapis.com", "142.250.186.138", "oauth2.googleapis.com", "142.250.186.170");
    static final String PROXY = "10.20.0.5:8080";

    static RuleEngine engine;
    static RevocationTestServer revocation;
    static TestPki pki;
    static Path out;
    static final List<TestPki.Issued> good = new ArrayList<>();
    static final List<TestPki.Issued> revoked = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        engine = new DroolsRuleEngineFactory().create(Optional.empty());
        revocation = RevocationTestServer.start();
        pki = TestPki.create(revocation);
        out = Files.createDirectories(Path.of(System.getProperty("sonde.record.dir")));
    }

    @AfterAll
    static void stop() {
        revocation.close();
    }

    /** A leaf from the genuine issuing CA for {@code names}, valid from {@code fromDays} to {@code untilDays} (from now). */
    static TestPki.Issued genuine(int fromDays, int untilDays, String... names) {
        return genuine(false, fromDays, untilDays, names);
    }

    /**
     * A leaf from the genuine issuing CA named {@code names} and localhost (the name the probes ask for, renamed
     * afterwards), valid from {@code fromDays} to {@code untilDays} from now; with the CRL and OCSP URLs when asked.
     */
    static TestPki.Issued genuine(boolean revocable, int fromDays, int untilDays, String... names) {
        Instant now = pki.createdAt();
        List<String> sans = new ArrayList<>(List.of(names));
        sans.add("localhost");
        TestPki.Issued leaf = TestPki.leaf(pki.issuingCa(), "CN=" + names[0], now.plus(Duration.ofDays(fromDays)),
                now.plus(Duration.ofDays(untilDays)), sans, List.of(), revocable ? revocation.crlUrl() : null,
                revocable ? revocation.ocspUrl() : null);
        good.add(leaf);
        publish();
        return leaf;
    }

    /** A genuine leaf for another Google name only (not the host asked for). */
    static TestPki.Issued wrongName() {
        Instant now = pki.createdAt();
        return TestPki.leaf(pki.issuingCa(), "CN=*.googleusercontent.com", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(83)), List.of("*.googleusercontent.com", "googleusercontent.com"), List.of(), null, null);
    }

    static void publish() {
        Set<java.math.BigInteger> g = new HashSet<>();
        good.forEach(l -> g.add(l.serial()));
        Set<java.math.BigInteger> r = new HashSet<>();
        revoked.forEach(l -> r.add(l.serial()));
        revocation.publish(pki.issuingCa(), g, r);
    }

    static ProbeOptions options() {
        return ProbeOptions.defaults().withSystemProxyDiscovery(false).withTimeout(Duration.ofSeconds(15))
                .withProbeTimeout(Duration.ofSeconds(5));
    }

    /** localhost and address literals resolve; every other name does not (nothing asks a real resolver). */
    static HostResolver resolver() {
        return (host, deadline) -> {
            if (host.equals("localhost") || host.matches("[0-9.]+")) {
                return List.of(InetAddress.getByName(host.equals("localhost") ? "127.0.0.1" : host));
            }
            throw new UnknownHostException(host);
        };
    }

    /**
     * One scenario: loopback servers in a catalog (as {@code https://localhost:PORT/...}, so that every probe, the URL
     * probe's own resolver included, stays on 127.0.0.1), each standing for a Google host; then the recording.
     */
    static final class Scenario {
        final String name;
        final LoopbackCatalog catalog;
        final Map<Integer, String> hostOfPort = new LinkedHashMap<>();
        int proxyPort;
        /** The Google host whose leaf carries the revocation URLs (only one per scenario, so it can be named). */
        String revocationHost = "";

        Scenario(String name) {
            this.name = name;
            this.catalog = LoopbackCatalog.trusting(pki.genuineRoot().certificate());
        }

        Scenario add(String service, String host, int port, String path) {
            hostOfPort.put(port, host);
            catalog.add(service, "https://localhost:" + port + path);
            return this;
        }

        /** An entry whose host name does not resolve (the resolver knows only localhost). */
        Scenario unresolvable(String service, String host, String path) {
            catalog.add(service, "https://" + host + path);
            return this;
        }

        Report record(ProbeOptions options) throws Exception {
            RecordingProber recorder = RecordedProbes.recording(new CatalogProber(resolver()));
            Report report = Sonde.builder().engine(engine).prober(recorder).probeOptions(options)
                    .probeCatalog(catalog.catalog()).build().probe();
            Path dir = Files.createDirectories(out.resolve(name));
            Path file = dir.resolve(RecordedProbes.FILE);
            recorder.write(file);
            Files.writeString(dir.resolve("loopback-probes.json"), Files.readString(file, StandardCharsets.UTF_8));
            Files.writeString(file, rename(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            assertThat(RecordedProbes.read(file)).hasSizeGreaterThanOrEqualTo(recorder.facts().size());
            Files.writeString(dir.resolve("live-report.txt"), describe(report));
            return report;
        }

        /**
         * Each line about a loopback port gets its Google host, port 443 and Google's address; the one DNS answer
         * for localhost becomes one per host; the revocation server becomes c.pki.goog / o.pki.goog, the proxy
         * {@value #PROXY}.
         */
        String rename(String text) {
            String rev = "127.0.0.1:" + revocation.port();
            StringBuilder sb = new StringBuilder();
            Set<String> skipped = new HashSet<>();
            for (String line : text.split("\n", -1)) {
                String l = line.replace("http://" + rev + RevocationTestServer.CRL_PATH, "http://c.pki.goog/we2/issuing.crl")
                        .replace("http://" + rev + RevocationTestServer.OCSP_PATH, "http://o.pki.goog/we2");
                if (proxyPort != 0) {
                    l = l.replace("127.0.0.1:" + proxyPort, PROXY);
                }
                if (l.contains("\"type\": \"RevocationCheck\"")) {
                    l = l.replace("\"host\": \"127.0.0.1\"", "\"host\": \"" + (l.contains("c.pki.goog") ? "c.pki.goog" : "o.pki.goog") + "\"")
                            .replace("served by localhost", "served by " + revocationHost);
                }
                if (l.contains("\"type\": \"DnsCheck\", \"host\": \"localhost\"")) {
                    for (String host : new java.util.TreeSet<>(hostOfPort.values())) {
                        sb.append(l.replace("localhost", host).replace("127.0.0.1", GOOGLE.get(host))).append('\n');
                    }
                    continue;
                }
                if (l.contains("\"type\": \"ProbeSkipped\", \"family\": \"revocation\"") && l.contains("localhost")) {
                    if (!skipped.add(l)) {
                        continue; // one line per leaf, all for "localhost": one per Google host below
                    }
                    // one per name: the leaves of every host but the revocable one name no CRL/OCSP location
                    for (String host : new java.util.TreeSet<>(hostOfPort.values())) {
                        if (!host.equals(revocationHost)) {
                            sb.append(l.replace("localhost", host)).append('\n');
                        }
                    }
                    continue;
                }
                for (Map.Entry<Integer, String> e : hostOfPort.entrySet()) {
                    int port = e.getKey();
                    String host = e.getValue();
                    if (l.contains("localhost:" + port) || l.contains("\"port\": " + port + ",")) {
                        l = l.replace("https://localhost:" + port + "/", "https://" + host + "/")
                                .replace("localhost:" + port, host + ":443").replace("\"port\": " + port + ",", "\"port\": 443,")
                                .replace("\"host\": \"localhost\"", "\"host\": \"" + host + "\"")
                                .replace("127.0.0.1", GOOGLE.get(host)).replace("localhost", host);
                    }
                }
                sb.append(l).append('\n');
            }
            String renamed = sb.substring(0, sb.length() - 1);
            assertThat(renamed).as("every loopback name renamed in " + name).doesNotContain("127.0.0.1", "localhost");
            return renamed;
        }
    }

    static String describe(Report r) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            sb.append(f.rank()).append(' ').append(f.id()).append(f.explainedBy().map(c -> " <- " + c).orElse(""))
                    .append(' ').append(f.params()).append('\n');
            f.targets().forEach(t -> sb.append("    ").append(t.target()).append(' ').append(t.state())
                    .append(t.explainedBy().map(c -> " <- " + c).orElse(" (root)")).append('\n'));
        }
        r.warnings().forEach(w -> sb.append("warning ").append(w).append('\n'));
        return sb.toString();
    }

    static List<String> ids(Report r) {
        return r.findings().stream().map(Finding::id).toList();
    }

    @Test
    void eachServerItsOwnProblem() throws Exception {
        try (TlsTestServer fiddler = TlsTestServer.start(pki.interceptor());
                TlsTestServer wrong = TlsTestServer.start(wrongName());
                TlsTestServer expired = TlsTestServer.start(genuine(-100, -16, "oauth2.googleapis.com"));
                TlsTestServer healthy = TlsTestServer.start(genuine(-1, 83, "*.googleapis.com", "googleapis.com"))) {
            Report r = new Scenario("probes-lab-each-server-its-own-problem")
                    .add("mail", "mail.google.com", fiddler.port(), "/mail/r/")
                    .add("contacts", "www.google.com", wrong.port(), "/m8/feeds/contacts/")
                    .add("authentication", "oauth2.googleapis.com", expired.port(), "/token")
                    .add("calendar", "www.googleapis.com", healthy.port(), "/calendar/").record(options());
            assertThat(ids(r)).as(describe(r)).contains("TLS_INTERCEPTION", "CERT_NAME_MISMATCH", "CERT_EXPIRED", "URL_BLOCKED")
                    .doesNotContain("CLOCK_SKEW");
        }
    }

    @Test
    void aCustomerNamedInspectionAuthority() throws Exception {
        Instant now = pki.createdAt();
        TestPki.Issued root = TestPki.selfSigned("CN=Contoso TLS Inspection Root,O=Contoso Ltd,C=US",
                now.minus(Duration.ofDays(200)), now.plus(Duration.ofDays(3650)));
        TestPki.Issued forged = TestPki.leaf(root, "CN=*.googleapis.com", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                List.of("*.googleapis.com", "googleapis.com", "localhost"), List.of(), null, null);
        try (TlsTestServer inspected = TlsTestServer.start(forged);
                TlsTestServer healthy = TlsTestServer.start(genuine(-1, 83, "mail.google.com"))) {
            Report r = new Scenario("probes-inspection-authority-not-a-known-product")
                    .add("calendar", "www.googleapis.com", inspected.port(), "/calendar/")
                    .add("mail", "mail.google.com", healthy.port(), "/mail/r/").record(options());
            assertThat(ids(r)).as(describe(r)).contains("TLS_INTERCEPTION", "UNTRUSTED_CA", "URL_BLOCKED");
        }
    }

    @Test
    void aRevokedLeaf() throws Exception {
        TestPki.Issued leaf = genuine(true, -1, 83, "*.googleapis.com", "googleapis.com");
        good.remove(leaf);
        revoked.add(leaf);
        publish();
        try (TlsTestServer bad = TlsTestServer.start(leaf);
                TlsTestServer healthy = TlsTestServer.start(genuine(-1, 83, "mail.google.com"))) {
            Scenario s = new Scenario("probes-revoked-leaf")
                    .add("tasks", "www.googleapis.com", bad.port(), "/tasks/")
                    .add("mail", "mail.google.com", healthy.port(), "/mail/r/");
            s.revocationHost = "www.googleapis.com";
            Report r = s.record(options());
            assertThat(ids(r)).as(describe(r)).contains("CERT_REVOKED");
        }
    }

    @Test
    void blockPagesFromAFilter() throws Exception {
        try (TlsTestServer viaProxy = TlsTestServer.start(genuine(-1, 83, "mail.google.com"));
                TlsTestServer filter = TlsTestServer.start(genuine(-1, 83, "www.google.com"));
                TlsTestServer google = TlsTestServer.start(genuine(-1, 83, "*.googleapis.com", "googleapis.com"))) {
            viaProxy.respond(403, Map.of("Via", "1.1 proxysg.corp.example", "Content-Type", "text/html"), "<html>Access denied</html>");
            filter.respond(403, Map.of("Server", "ProxySG", "Content-Type", "text/html"), "<html>Blocked by policy</html>");
            google.respond(404, Map.of("Server", "ESF", "Content-Type", "text/html"), "Not Found");
            Report r = new Scenario("probes-filter-block-pages")
                    .add("mail", "mail.google.com", viaProxy.port(), "/mail/r/")
                    .add("contacts", "www.google.com", filter.port(), "/m8/feeds/contacts/")
                    .add("tasks", "www.googleapis.com", google.port(), "/tasks/").record(options());
            assertThat(ids(r)).as(describe(r)).contains("URL_BLOCKED");
        }
    }

    @Test
    void aGoogleNameDoesNotResolve() throws Exception {
        try (TlsTestServer healthy = TlsTestServer.start(genuine(-1, 83, "mail.google.com"))) {
            Report r = new Scenario("probes-google-name-does-not-resolve")
                    .add("mail", "mail.google.com", healthy.port(), "/mail/r/")
                    .unresolvable("contacts", "www.google.com", "/m8/feeds/contacts/")
                    .unresolvable("gal", "www.google.com", "/m8/feeds/gal").record(options());
            assertThat(ids(r)).as(describe(r)).contains("DNS_RESOLUTION_FAILED");
        }
    }

    @Test
    void aProxyAskingForCredentials() throws Exception {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("NTLM", "Negotiate");
                TlsTestServer healthy = TlsTestServer.start(genuine(-1, 83, "*.googleapis.com", "googleapis.com"))) {
            String netsh = "Current WinHTTP proxy settings:\n\n    Proxy Server(s) :  127.0.0.1:" + proxy.port()
                    + "\n    Bypass List     :  <local>\n";
            Scenario s = new Scenario("probes-proxy-asks-credentials-for-allowed-urls")
                    .add("calendar", "www.googleapis.com", healthy.port(), "/calendar/");
            s.proxyPort = proxy.port();
            Report r = s.record(options().withWinHttpProxyText(netsh));
            assertThat(ids(r)).as(describe(r)).contains("PROXY_AUTH_REQUIRED", "URL_BLOCKED");
        }
    }

    @Test
    void aClockThreeDaysAhead() throws Exception {
        try (TlsTestServer mail = TlsTestServer.start(genuine(-1, 83, "mail.google.com"));
                TlsTestServer apis = TlsTestServer.start(genuine(-1, 83, "*.googleapis.com", "googleapis.com"))) {
            Report r = new Scenario("probes-clock-three-days-ahead")
                    .add("mail", "mail.google.com", mail.port(), "/mail/r/")
                    .add("calendar", "www.googleapis.com", apis.port(), "/calendar/")
                    .record(options().withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(3))));
            assertThat(ids(r)).as(describe(r)).contains("CLOCK_SKEW");
        }
    }

    @Test
    void aClockFarBehindAndNoDateHeader() throws Exception {
        try (SkewedDateTlsServer mail = SkewedDateTlsServer.withoutDate(genuine(-1, 83, "mail.google.com"));
                SkewedDateTlsServer apis = SkewedDateTlsServer.withoutDate(genuine(-1, 83, "*.googleapis.com", "googleapis.com"))) {
            Report r = new Scenario("probes-clock-behind-no-date-header")
                    .add("mail", "mail.google.com", mail.port(), "/mail/r/")
                    .add("calendar", "www.googleapis.com", apis.port(), "/calendar/")
                    .record(options().withClock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-400))));
            assertThat(ids(r)).as(describe(r)).contains("CLOCK_SKEW", "CERT_EXPIRED");
        }
    }

    @Test
    void anExpiredServerForTheSkewedClockLog() throws Exception {
        try (TlsTestServer expired = TlsTestServer.start(genuine(-100, -16, "*.googleapis.com", "googleapis.com"));
                TlsTestServer mail = TlsTestServer.start(genuine(-1, 83, "mail.google.com"))) {
            Report r = new Scenario("diagnose-skewed-clock-log-and-expired-server")
                    .add("tasks", "www.googleapis.com", expired.port(), "/tasks/")
                    .add("mail", "mail.google.com", mail.port(), "/mail/r/").record(options());
            assertThat(ids(r)).as(describe(r)).contains("CERT_EXPIRED").doesNotContain("CLOCK_SKEW");
        }
    }

    @Test
    void healthyServersForTheSkewedClockLog() throws Exception {
        try (TlsTestServer apis = TlsTestServer.start(genuine(-1, 83, "*.googleapis.com", "googleapis.com"));
                TlsTestServer mail = TlsTestServer.start(genuine(-1, 83, "mail.google.com"))) {
            Report r = new Scenario("diagnose-skewed-clock-log-and-healthy-servers")
                    .add("tasks", "www.googleapis.com", apis.port(), "/tasks/")
                    .add("mail", "mail.google.com", mail.port(), "/mail/r/").record(options());
            assertThat(r.hasProblems()).as(describe(r)).isFalse();
        }
    }
}
