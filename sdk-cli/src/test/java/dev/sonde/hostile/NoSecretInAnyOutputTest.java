package dev.sonde.hostile;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.report.ReportJson;
import dev.sonde.report.ReportText;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.cases.RecordingProber;
import dev.sonde.rules.engine.DroolsRuleEngineFactory;
import dev.sonde.spi.Redaction;
import dev.sonde.spi.RuleEngine;
import dev.sonde.testsupport.SecretForms.Secret;
import dev.sonde.testsupport.SecretForms;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.io.StringWriter;
import java.net.URLEncoder;
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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * No secret leaves in a report (issue 8 §4): generated secrets of every form ({@link SecretForms}) placed in
 * every spot a rule can quote ({@link SecretPlacements}), and in the catalog URLs of live probes, run through the
 * real log reader, probes and built-in rules; neither the JSON report, nor the text report, nor the
 * {@code --record} file holds a secret's value (raw or URL-encoded). Each run must still make the finding the
 * placed lines make without a secret, and show {@value Redaction#MARK} where the secret was: the property cannot
 * pass by reading nothing.
 */
class NoSecretInAnyOutputTest {

    static RuleEngine engine;
    static Sonde sonde;
    static LoopbackPki loopback;
    static TlsTestServer interceptor;

    @TempDir
    static Path dir;

    private static final AtomicInteger RUNS = new AtomicInteger();

    @BeforeAll
    static void start() {
        engine = new DroolsRuleEngineFactory().create(Optional.empty());
        sonde = Sonde.builder().engine(engine).build();
        loopback = LoopbackPki.start();
        interceptor = TlsTestServer.start(loopback.pki().interceptor());
    }

    @AfterAll
    static void stop() {
        interceptor.close();
        loopback.close();
    }

    @Test
    void aSecretInAnyPlaceOfALogReachesNoReport() {
        Gen<SecretPlacements> places = integers().between(0, SecretPlacements.values().length - 1)
                .map(i -> SecretPlacements.values()[i]);
        qt().withExamples(250).withShrinkCycles(50).forAll(SecretForms.secrets(), places)
                .assuming((secret, place) -> place.fits(secret))
                .checkAssert((secret, place) -> {
                    Path logs = folder();
                    Path log = write(place, logs, secret);
                    Report report = sonde.analyze(logs);
                    assertThat(report.finding(place.finding)).as("%s in %s: %s", secret, place, report.findings()).isPresent();
                    assertNothingOf(secret, report, place + " " + log);
                });
    }

    @Test
    void everyFormInEveryPlaceWithAnonymizeOnReachesNoReport() {
        Sonde anonymizing = Sonde.builder().engine(engine).anonymize(true).build();
        for (Secret secret : SecretForms.all(8)) {
            for (SecretPlacements place : SecretPlacements.values()) {
                if (!place.fits(secret)) {
                    continue;
                }
                Path logs = folder();
                write(place, logs, secret);
                Report report = anonymizing.analyze(logs);
                assertThat(report.finding(place.finding)).as("%s in %s", secret, place).isPresent();
                assertNothingOf(secret, report, place.toString());
            }
        }
    }

    /**
     * Every case where the certificate parser would split a name holding {@code password=X} (or a quoted value) before
     * a report redaction could see the key ({@link SecretPlacements#keyParsedAwayByTheReader}): the reader redacts
     * certificate lines before it parses them, so none leaks.
     */
    @Test
    void certificateNamesAreRedactedBeforeTheReaderParsesThem() {
        int cases = 0;
        for (Secret secret : SecretForms.all(5)) {
            for (SecretPlacements place : SecretPlacements.values()) {
                if (place.keyParsedAwayByTheReader(secret)) {
                    Path logs = folder();
                    write(place, logs, secret);
                    Report report = sonde.analyze(logs);
                    assertThat(report.finding(place.finding)).as("%s in %s", secret, place).isPresent();
                    assertNothingOf(secret, report, place.toString());
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThanOrEqualTo(14);
    }

    /**
     * Catalog URLs with a {@code user:password@}, {@code access_token} and {@code client_secret} query values and a
     * generated secret URL-encoded in the query: one served by an interception proxy's chain (the URL is a parameter
     * of {@code URL_BLOCKED}), one on a closed port (the URL is named in a "not checked" warning and recorded).
     */
    @Test
    void aSecretInACatalogUrlReachesNoReportAndNoRecording() {
        ClosedPort closed = ClosedPort.allocate();
        qt().withExamples(25).withShrinkCycles(10)
                .forAll(SecretForms.secrets(), SecretForms.values(), SecretForms.values(), SecretForms.values())
                .checkAssert((secret, password, token, clientSecret) -> probeCatalogUrls(closed, secret, password, token,
                        clientSecret));
    }

    private static void probeCatalogUrls(ClosedPort closed, Secret secret, String password, String token, String clientSecret) {
        String query = "?access_token=" + token + "&client_secret=" + clientSecret + "&state="
                + URLEncoder.encode(secret.text(), StandardCharsets.UTF_8);
        String user = "https://jdoe:" + password + "@";
        ProbeCatalog catalog = new ProbeCatalog(List.of(
                ProbeCatalog.Endpoint.of("mail", user + "localhost:" + interceptor.port() + "/mail/" + query),
                ProbeCatalog.Endpoint.of("calendar", user + "127.0.0.1:" + closed.port() + "/cal/" + query)),
                List.of(anchor(loopback.pki().genuineRoot().certificate())));
        RecordingProber recorder = RecordedProbes.recording(new CatalogProber());
        Report report = Sonde.builder().engine(engine).probeCatalog(catalog).prober(recorder).build()
                .probe(ProbeOptions.defaults().withSystemProxyDiscovery(false).withTimeout(Duration.ofSeconds(15))
                        .withProbeTimeout(Duration.ofSeconds(5)));
        assertThat(report.finding("URL_BLOCKED")).as("%s", report.findings()).isPresent();
        assertThat(report.finding("PORT_BLOCKED")).as("%s", report.findings()).isPresent();
        Secret credentials = new Secret("catalog URL", query, List.of(password, token, clientSecret));
        assertNothingOf(credentials, report, "catalog");
        assertNothingOf(secret, report, "catalog");

        StringWriter recorded = new StringWriter();
        try {
            RecordedProbes.write(recorder.facts(), Instant.EPOCH, recorded);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(recorded.toString()).as("the recording holds the probes of both URLs")
                .contains("localhost:" + interceptor.port() + "/mail/").contains("127.0.0.1:" + closed.port() + "/cal/")
                .contains(Redaction.MARK);
        for (String value : concat(credentials.forbidden(), secret.forbidden())) {
            assertThat(recorded.toString()).as("recorded probes, %s", secret).doesNotContain(value);
        }
    }

    /** The JSON and text reports hold none of the secret's values, and show where it was removed. */
    static void assertNothingOf(Secret secret, Report report, String where) {
        String json = ReportJson.write(report);
        String text = ReportText.render(report, 80);
        String unwrapped = text.replaceAll("\\s+", ""); // the text wraps lines at spaces only
        for (String value : secret.forbidden()) {
            assertThat(json).as("JSON report, %s, %s", secret, where).doesNotContain(value);
            assertThat(text).as("text report, %s, %s", secret, where).doesNotContain(value);
            assertThat(unwrapped).as("text report, %s, %s", secret, where).doesNotContain(value);
            assertThat(report.toString()).as("report, %s, %s", secret, where).doesNotContain(value);
        }
        assertThat(json).as("the secret was quoted, and redacted: %s, %s", secret, where).contains(Redaction.MARK);
    }

    private static Path folder() {
        try {
            return Files.createDirectories(dir.resolve("run" + RUNS.incrementAndGet()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Path write(SecretPlacements place, Path logs, Secret secret) {
        try {
            return place.write(logs, secret);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The test PKI's genuine root as the catalog's only trust anchor. */
    private static ProbeCatalog.RootCertificate anchor(X509Certificate root) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(root.getEncoded()) + "\n-----END CERTIFICATE-----\n";
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded()));
            return new ProbeCatalog.RootCertificate("Sonde Test Root R1", sha256, pem);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
