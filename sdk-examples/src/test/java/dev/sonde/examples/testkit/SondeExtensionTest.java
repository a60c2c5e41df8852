package dev.sonde.examples.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.testkit.SondeConfig;
import dev.sonde.testkit.SondeExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The extension in a real JUnit run ({@link EngineTestKit} runs the fixture classes below as a build would): one
 * {@link Sonde} per configuration shared by every class, the nearest {@link SondeConfig} wins, and a pack that does
 * not compile fails the tests that ask for it with Sonde's message.
 */
class SondeExtensionTest {

    /** What each fixture test was given, by fixture and parameter. */
    static final Map<String, Sonde> GIVEN = new ConcurrentHashMap<>();

    static final String TEXT = "2024-01-15T10:00:01.200Z 1b2c E:Network OUTLOOK!WinHttp::HandleCallback @ 1950 ()> "
            + "HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: NTLM\n";

    /** A pack whose DRL does not compile, where the fixture below looks for it (relative to the module folder). */
    static final String BROKEN_PACK = "target/sonde-extension-test/broken-pack";

    @BeforeAll
    static void writeTheBrokenPack() throws IOException {
        Path pack = Path.of(BROKEN_PACK);
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("pack.json"), "{\"id\": \"broken\", \"version\": \"1\", \"apiVersion\": 1}");
        Files.writeString(pack.resolve("rules.drl"), "package acme;\n\nrule \"never closed\"\nwhen\n    $x : \n");
    }

    @ExtendWith(SondeExtension.class)
    static class FirstClass {
        @Test
        void given(Sonde sonde) {
            GIVEN.put("first", sonde);
        }
    }

    @ExtendWith(SondeExtension.class)
    static class SecondClass {
        @Test
        void given(Sonde sonde, @SondeConfig(locale = "fr") Sonde french) {
            GIVEN.put("second", sonde);
            GIVEN.put("second-fr", french);
        }

        @Nested
        @SondeConfig(locale = "fr")
        class InFrench {
            @Test
            void given(Sonde sonde) {
                GIVEN.put("nested-fr", sonde);
            }

            @Test
            @SondeConfig(locale = "en")
            void methodWins(Sonde sonde) {
                GIVEN.put("method-en", sonde);
            }
        }
    }

    @ExtendWith(SondeExtension.class)
    @SondeConfig(rulePacks = BROKEN_PACK)
    static class BrokenPack {
        @Test
        void first(Sonde sonde) {
            GIVEN.put("broken", sonde);
        }

        @Test
        void second(Sonde sonde) {
            GIVEN.put("broken", sonde);
        }
    }

    private static Events run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            request = request.selectors(selectClass(c));
        }
        return request.execute().testEvents();
    }

    @Test
    void oneSondePerConfigurationIsSharedByEveryClassOfTheRun() {
        GIVEN.clear();
        Events events = run(FirstClass.class, SecondClass.class);

        events.assertStatistics(s -> s.succeeded(4).failed(0));
        assertThat(GIVEN).containsOnlyKeys("first", "second", "second-fr", "nested-fr", "method-en");
        assertThat(GIVEN.get("second")).isSameAs(GIVEN.get("first")).isSameAs(GIVEN.get("method-en"));
        assertThat(GIVEN.get("nested-fr")).isSameAs(GIVEN.get("second-fr")).isNotSameAs(GIVEN.get("first"));
        // the configuration is really applied: the French one speaks French, the same finding id
        Report en = GIVEN.get("first").analyzeText("t.log", TEXT);
        Report fr = GIVEN.get("nested-fr").analyzeText("t.log", TEXT);
        assertThat(fr.top().orElseThrow().id()).isEqualTo(en.top().orElseThrow().id()).isEqualTo("PROXY_AUTH_REQUIRED");
        assertThat(fr.top().orElseThrow().title()).isNotEqualTo(en.top().orElseThrow().title()).contains("proxy");
    }

    @Test
    void aPackThatDoesNotCompileFailsEachTestThatAsksForItSayingWhere() {
        GIVEN.clear();
        Events events = run(BrokenPack.class);

        events.assertStatistics(s -> s.started(2).failed(2));
        events.assertThatEvents().haveExactly(2, event(test(), finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(m -> m.contains("broken-pack") && m.contains("rules.drl") && m.contains("line")))));
        assertThat(GIVEN).isEmpty();
    }

    @Test
    void aSondeLivesAsLongAsItsRun() {
        GIVEN.clear();
        run(FirstClass.class);
        Sonde used = GIVEN.get("first");
        GIVEN.clear();
        run(FirstClass.class);
        // shared in the run's root context, closed with it: a new run builds its own
        assertThat(used).isNotNull();
        assertThat(GIVEN.get("first")).isNotNull().isNotSameAs(used);
    }
}
