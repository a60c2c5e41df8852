package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Evidence;
import dev.sonde.ProbeCatalog;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.facts.Destination;
import dev.sonde.facts.LogTime;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.RuleEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions are reused across analyses ({@link SessionPool}): nothing of one analysis may leak into the next. Every
 * golden case analyzed on one engine, in turn and from several threads at once, gives exactly the report a new
 * session gives.
 */
class SessionReuseTest {

    static DroolsRuleEngine engine;
    static List<GoldenCase> cases;
    /** Case name → its report on a new session. */
    static final Map<String, Report> onNewSessions = new HashMap<>();

    @BeforeAll
    static void analyzeEveryCaseOnNewSessions() throws Exception {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        Path dir = Path.of(Objects.requireNonNull(SessionReuseTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
        cases = GoldenCase.load(dir);
        RuleEngine newSessions = new RuleEngine() { // the same engine, but every session new and never reused
            @Override
            public Session openSession(Locale locale, Instant deadline) {
                return engine.openSession(locale, deadline, new java.util.EventListener[0]);
            }

            @Override
            public ProbeCatalog probeCatalog() {
                return engine.probeCatalog();
            }
        };
        for (GoldenCase c : cases) {
            onNewSessions.put(c.name(), c.run(newSessions));
        }
        assertThat(engine.sessions().reused()).as("no session reused yet").isZero();
    }

    @Test
    void analysesInTurnOnReusedSessionsGiveTheReportsOfNewSessions() {
        List<GoldenCase> order = new ArrayList<>(cases);
        for (int round = 0; round < 2; round++) { // forwards, then backwards: each case follows other ones
            long before = engine.sessions().reused();
            for (GoldenCase c : order) {
                assertThat(c.run(engine)).as("case %s", c.name()).isEqualTo(onNewSessions.get(c.name()));
            }
            // sessions are cleared after the report is built, on the rules' worker thread: under load the next
            // analysis may find none ready yet and take a new one, but most find one
            assertThat(engine.sessions().reused() - before).as("analyses on a reused session").isPositive();
            Collections.reverse(order);
        }
    }

    @Test
    void concurrentAnalysesOnReusedSessionsGiveTheReportsOfNewSessions() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<GoldenCase> order = new ArrayList<>(cases);
                Collections.shuffle(order, new Random(t));
                runs.add(threads.submit(() -> {
                    List<String> differ = new ArrayList<>();
                    for (GoldenCase c : order) {
                        if (!c.run(engine).equals(onNewSessions.get(c.name()))) {
                            differ.add(c.name());
                        }
                    }
                    return differ;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get(5, TimeUnit.MINUTES)).as("cases whose report differs").isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(engine.sessions().idle()).as("idle sessions kept").isLessThanOrEqualTo(SessionPool.MAX_IDLE);
    }

    /**
     * A rule that matches the pack's data alone fires once per session: were sessions reused, it would fire in the
     * first analysis only. Such a pack gets a new session for every analysis, and the finding every time.
     */
    @Test
    void aRuleOnTheDataAloneFiresInEveryAnalysis(@TempDir Path tmp) throws Exception {
        Path dir = vendorPack(tmp);
        Files.writeString(dir.resolve("vendor.drl"), """
                package dev.sonde.packs.vendor;
                import dev.sonde.rules.model.*;

                rule "Vendor rule on the catalog alone"
                    @finding("VENDOR_CATALOG") @severity("low") @confidence(0.5) @articleStep("4")
                when
                    exists AllowedUrl()
                then
                    Raise.finding(drools).insert();
                end
                """);
        Files.writeString(dir.resolve("messages_en.properties"),
                "VENDOR_CATALOG.title=Catalog\nVENDOR_CATALOG.explanation=Catalog.\n");
        Sonde sonde = Sonde.builder().rulePack(dir).build();
        for (int i = 0; i < 3; i++) {
            assertThat(sonde.analyzeText("Trace-" + i + ".log", "").finding("VENDOR_CATALOG")).as("analysis %d", i)
                    .isPresent();
        }
    }

    /**
     * Sessions are cleared by deleting what the analysis inserted, and checked by counting what is left: a rule that
     * deletes one of the pack's data while another leaves a logical fact behind (justified by that data's absence)
     * keeps the count. The deletion alone must keep the session from being reused, or the next analysis would run
     * without that data.
     */
    @Test
    void aSessionWhoseRulesDeletedSomeOfTheDataIsNotReused(@TempDir Path tmp) throws Exception {
        Path dir = vendorPack(tmp);
        Files.writeString(dir.resolve("vendor.drl"), """
                package dev.sonde.packs.vendor;
                import dev.sonde.rules.model.*;
                import dev.sonde.facts.Destination;

                rule "Vendor drops the catalog's entry for a destination"
                when
                    Destination($host : hostName)
                    $url : AllowedUrl(host == $host)
                then
                    delete($url);
                end

                rule "Vendor notes an entry missing from the catalog"
                when
                    not AllowedUrl(host == "oauth2.googleapis.com")
                then
                    insertLogical("an entry is missing");
                end

                rule "Vendor finds the catalog incomplete"
                    @finding("VENDOR_INCOMPLETE") @severity("low") @confidence(0.5) @articleStep("4")
                when
                    Destination(hostName == "example.com")
                    not AllowedUrl(host == "oauth2.googleapis.com")
                then
                    Raise.finding(drools).insert();
                end
                """);
        Files.writeString(dir.resolve("messages_en.properties"),
                "VENDOR_INCOMPLETE.title=Incomplete\nVENDOR_INCOMPLETE.explanation=Incomplete.\n");
        DroolsRuleEngine vendor = DroolsRuleEngine.compile(RulePack.load(List.of(dir)));
        assertThat(analyze(vendor, "oauth2.googleapis.com", "example.com").finding("VENDOR_INCOMPLETE"))
                .as("both in one analysis").isPresent();
        for (int i = 0; i < 3; i++) {
            assertThat(analyze(vendor, "oauth2.googleapis.com").finding("VENDOR_INCOMPLETE")).as("analysis %d", i)
                    .isEmpty();
            assertThat(analyze(vendor, "example.com").finding("VENDOR_INCOMPLETE"))
                    .as("the catalog is whole again after analysis %d", i).isEmpty();
        }
    }

    /** One analysis of a destination on each host. */
    private static Report analyze(DroolsRuleEngine engine, String... hosts) {
        try (RuleEngine.Session session = engine.openSession(Locale.ENGLISH, Instant.now().plusSeconds(60))) {
            for (int i = 0; i < hosts.length; i++) {
                session.add(new Destination("192.0.2.1", 443, hosts[i], LogTime.UNKNOWN, "1",
                        new Evidence("Trace.log", i + 1, "destination " + hosts[i])));
            }
            return session.finish(List.of(), List.of());
        }
    }

    /** A vendor pack extending the built-in one, without rules yet: the test writes its {@code vendor.drl}. */
    private static Path vendorPack(Path tmp) throws java.io.IOException {
        Path dir = Files.createDirectories(tmp.resolve("vendor"));
        Files.writeString(dir.resolve("pack.json"),
                "{\"id\": \"vendor\", \"version\": \"1\", \"apiVersion\": 1, \"extends\": \"gwsmo\"}");
        return dir;
    }
}
