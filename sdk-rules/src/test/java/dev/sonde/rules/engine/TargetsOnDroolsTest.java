package dev.sonde.rules.engine;

import static dev.sonde.testkit.SondeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Report;
import dev.sonde.Target;
import dev.sonde.rules.cases.GoldenCase;
import dev.sonde.rules.pack.RulePack;
import dev.sonde.spi.Redaction;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Targets on the real Drools session and the built-in pack, from two golden cases: a failure whose destination was
 * not logged is {@link Target#UNKNOWN} (never {@link Target#MACHINE}), machine-wide findings keep
 * {@link Target#MACHINE} (through redaction too), and one host's URL checks of several services are one target.
 */
class TargetsOnDroolsTest {

    static DroolsRuleEngine engine;
    static Path cases;

    @BeforeAll
    static void compile() throws Exception {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        cases = Path.of(Objects.requireNonNull(TargetsOnDroolsTest.class.getClassLoader()
                .getResource(RulePack.BUILT_IN + "cases")).toURI());
    }

    private static Report run(String name) {
        Path dir = cases.resolve(name);
        return new GoldenCase(name, dir, GoldenCase.read(dir.resolve("expect.json"))).run(engine);
    }

    @Test
    void aNameFailureWithoutDestinationIsUnknownAndResolvedNotTheMachineAndIntermittent() {
        Report report = run("dns-failure-destination-not-logged-then-resolved");
        assertThat(report).finding("DNS_RESOLUTION_FAILED").hasState(Target.State.RESOLVED);
        Finding dns = report.finding("DNS_RESOLUTION_FAILED").orElseThrow();
        // before: one target, Target.MACHINE ("this computer"), intermittent because of another server's later timeout
        assertThat(dns.targets()).hasSize(1);
        FindingTarget t = dns.targets().get(0);
        assertThat(t.target()).isEqualTo(Target.UNKNOWN);
        assertThat(t.target().machine()).isFalse();
        assertThat(t.count()).isEqualTo(4);
        assertThat(t.state()).isEqualTo(Target.State.RESOLVED);
    }

    @Test
    void aMachineWideFindingKeepsTheMachineTargetThroughRedaction() {
        Report clock = run("article-example-1-clock");
        Finding skew = clock.finding("CLOCK_SKEW").orElseThrow();
        assertThat(skew.targets()).extracting(FindingTarget::target).containsExactly(Target.MACHINE);
        Finding redacted = Redaction.apply(clock, true).finding("CLOCK_SKEW").orElseThrow();
        assertThat(redacted.targets()).extracting(FindingTarget::target).containsExactly(Target.MACHINE);
    }

    @Test
    void oneHostsUrlChecksOfSeveralServicesAreOneTarget() {
        Finding blocked = run("probes-proxy-blocks-one-host-many-services").finding("URL_BLOCKED").orElseThrow();
        // before: seven targets, one per URL's service
        assertThat(blocked.targets()).extracting(t -> t.target().host(), t -> t.target().port(), t -> t.target().service(),
                FindingTarget::count).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("www.googleapis.com", 443, "authentication, calendar, mail, notes, tasks", 5),
                        org.assertj.core.groups.Tuple.tuple("www.google.com", 443, "contacts, global address list", 2));
    }
}
