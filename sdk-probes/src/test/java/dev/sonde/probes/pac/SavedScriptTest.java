package dev.sonde.probes.pac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.ProbeCatalog;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PacFailure;
import dev.sonde.facts.PacFailureReason;
import dev.sonde.facts.PacRoute;
import dev.sonde.probes.run.CatalogProber;
import dev.sonde.spi.Prober;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved proxy.pac evaluated offline, through the prober's {@link Prober#evaluateSavedScript} as an analysis calls it. */
class SavedScriptTest {

    static final ProbeCatalog CATALOG = new ProbeCatalog(List.of(
            ProbeCatalog.Endpoint.of("authentication", "https://oauth2.googleapis.com/token"),
            ProbeCatalog.Endpoint.of("mail", "https://mail.google.com/mail/r/")), List.of());

    static final String GOOGLE_APIS_TO_PROXY = """
            function FindProxyForURL(url, host) {
                if (shExpMatch(host, "*.googleapis.com")) return "PROXY 10.20.0.5:8080; DIRECT";
                return "DIRECT";
            }
            """;

    final List<Fact> facts = new ArrayList<>();
    final List<Warning> warnings = new ArrayList<>();

    InputSummary evaluate(LogInput input, Instant deadline) {
        Prober prober = new CatalogProber((host, d) -> {
            throw new AssertionError("the catalog is not resolved for a saved script");
        });
        return prober.evaluateSavedScript(CATALOG, input, facts::add, warnings::add, deadline).orElseThrow();
    }

    InputSummary evaluate(LogInput input) {
        return evaluate(input, Instant.now().plusSeconds(30));
    }

    @Test
    void eachCatalogUrlGetsItsRouteWithTheInputAsEvidence() {
        InputSummary s = evaluate(LogInput.ofText("bundle.zip!/host/proxy.pac", GOOGLE_APIS_TO_PROXY));

        assertThat(facts).hasSize(2).allMatch(PacRoute.class::isInstance);
        PacRoute apis = (PacRoute) facts.get(0);
        assertThat(apis.host()).isEqualTo("oauth2.googleapis.com");
        assertThat(apis.firstProxy()).isEqualTo("10.20.0.5:8080");
        assertThat(apis.script()).isEqualTo("bundle.zip!/host/proxy.pac");
        assertThat(apis.source().file()).isEqualTo("bundle.zip!/host/proxy.pac");
        assertThat(apis.source().text()).isEqualTo("FindProxyForURL(\"https://oauth2.googleapis.com/token\","
                + " \"oauth2.googleapis.com\") = \"PROXY 10.20.0.5:8080; DIRECT\"");
        assertThat(((PacRoute) facts.get(1)).direct()).isTrue();
        assertThat(s.status()).isEqualTo(InputSummary.Status.READ);
        assertThat(s.format()).isEqualTo("host:proxy");
        assertThat(s.facts()).isEqualTo(2);
        assertThat(s.linesRead()).isEqualTo(4);
        assertThat(warnings).isEmpty(); // no DNS helper, no myIpAddress: the routes are the machine's own
    }

    @Test
    void dnsHelpersAreAnsweredWithoutALookupAndAWarningSaysSo() {
        String script = """
                function FindProxyForURL(url, host) {
                    if (isResolvable("wpad.corp.example") && isInNet(dnsResolve(host), "10.0.0.0", "255.0.0.0"))
                        return "PROXY 10.20.0.5:8080";
                    return myIpAddress() == "127.0.0.1" ? "PROXY 10.1.1.1:3128" : "DIRECT";
                }
                """;
        evaluate(LogInput.ofText("proxy.pac", script));

        assertThat(facts).allMatch(f -> f instanceof PacRoute r && r.firstProxy().equals("10.1.1.1:3128"));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("proxy.pac");
            assertThat(w.message()).contains("not on the machine it was saved from")
                    .contains("DNS lookups were answered \"not resolvable\"").contains("myIpAddress() answered 127.0.0.1");
        });
    }

    @Test
    void aScriptThatThrowsIsAFailurePerUrl() {
        evaluate(LogInput.ofText("proxy.pac", "function FindProxyForURL(u, h) { return proxyFor(h); }"));

        assertThat(facts).hasSize(2).allSatisfy(f -> assertThat(f).isInstanceOfSatisfying(PacFailure.class,
                p -> assertThat(p.reason()).isEqualTo(PacFailureReason.THREW)));
    }

    @Test
    void anEndlessLoopIsStopped() {
        long start = System.nanoTime();
        evaluate(LogInput.ofText("proxy.pac", "function FindProxyForURL(u, h) { while (true) {} }"));

        assertThat(facts).isNotEmpty().allMatch(PacFailure.class::isInstance);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(25));
    }

    @Test
    void aUtf16ScriptFromPowerShellIsDecodedByItsMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("proxy.pac");
        byte[] text = GOOGLE_APIS_TO_PROXY.getBytes(StandardCharsets.UTF_16LE);
        byte[] withMark = new byte[text.length + 2];
        withMark[0] = (byte) 0xFF;
        withMark[1] = (byte) 0xFE;
        System.arraycopy(text, 0, withMark, 2, text.length);
        Files.write(file, withMark);

        InputSummary s = evaluate(LogInput.of(file));

        assertThat(s.encoding()).isEqualTo("UTF-16LE");
        assertThat(((PacRoute) facts.get(0)).firstProxy()).isEqualTo("10.20.0.5:8080");
    }

    @Test
    void aScriptOverTheSizeCapIsNotRun() {
        String huge = "// " + "x".repeat(PacOptions.defaults().maxScriptBytes()) + "\n" + GOOGLE_APIS_TO_PROXY;
        InputSummary s = evaluate(LogInput.ofBytes("proxy.pac", huge.getBytes(StandardCharsets.UTF_8)));

        assertThat(facts).isEmpty();
        assertThat(s.facts()).isZero();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Warning.Kind.INCOMPLETE);
            assertThat(w.message()).contains("not evaluated: larger than 1048576 bytes");
        });
    }

    @Test
    void noTimeLeftMeansNotRunAndSaidSo() {
        evaluate(LogInput.ofText("proxy.pac", GOOGLE_APIS_TO_PROXY), Instant.now().plusMillis(100));

        assertThat(facts).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("deadline"));
    }

    @Test
    void aScriptNotInUtf8IsReadAsWindows1252() {
        String script = "// Proxy für Google\n" + GOOGLE_APIS_TO_PROXY;
        InputSummary s = evaluate(LogInput.ofBytes("proxy.pac", script.getBytes(java.nio.charset.Charset.forName("windows-1252"))));

        assertThat(s.encoding()).isEqualTo("windows-1252");
        assertThat(facts).first().isInstanceOf(PacRoute.class);
    }

    @Test
    void theOfflineEvaluationKeepsTheLimitsItIsGiven() {
        PacOptions small = PacOptions.builder().maxScriptBytes(64).maxResultChars(20).build();
        PacOptions copy = small.toBuilder().build();
        assertThat(copy.maxScriptBytes()).isEqualTo(64);
        assertThat(copy.maxResultChars()).isEqualTo(20);
        assertThat(copy.evaluationTimeout()).isEqualTo(small.evaluationTimeout());

        InputSummary s = SavedScript.evaluate(LogInput.ofText("proxy.pac", GOOGLE_APIS_TO_PROXY), CATALOG.endpoints()
                .stream().map(e -> java.net.URI.create(e.url())).toList(), facts::add, warnings::add,
                Instant.now().plusSeconds(30), small);
        assertThat(s.facts()).isZero();
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.message()).contains("larger than 64 bytes"));
    }
}
