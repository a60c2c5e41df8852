package dev.sonde.rules.engine;

import dev.sonde.Finding;
import dev.sonde.Severity;
import dev.sonde.Evidence;
import dev.sonde.rules.model.Detection;
import dev.sonde.rules.model.Explanation;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** Merging detections into findings, explanations and ranking, without Drools. */
class RankingTest {

    static final MessageBundle.Texts TEXTS = RulePack.builtIn().messages().forLocale(Locale.ENGLISH);

    static Detection d(String id, Severity s, double c, Map<String, String> params, Evidence... evidence) {
        Map<String, List<String>> lists = new java.util.TreeMap<>();
        params.forEach((name, value) -> lists.put(name, List.of(value)));
        return new Detection(id, s, c, "4", "rule " + id + c, lists, List.of(evidence), List.of());
    }

    @Test
    void aParameterIsAListUntilTheFindingIsWritten() {
        // one rule's list is kept whole and in order; a value holding ", " is one value, never split
        Detection many = new Detection("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, "1", "r", Map.of("destination",
                List.of("a:1", "b:2", "c:3", "d:4", "e:5", "f:6", "g:7")), List.of(src("t.log", 1)), List.of());
        Detection dn = new Detection("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, "1", "s", Map.of("issuer",
                List.of("O=Acme, C=US")), List.of(src("t.log", 2)), List.of());
        Detection again = new Detection("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, "1", "t", Map.of("issuer",
                List.of("C=US", "O=Acme, C=US")), List.of(src("t.log", 3)), List.of());
        Finding f = FindingAssembler.assemble(List.of(again, many, dn), List.of(), TEXTS).get(0);
        assertThat(f.params()).containsEntry("destination", "a:1, b:2, c:3, d:4, e:5, f:6, g:7")
                .containsEntry("issuer", "O=Acme, C=US, C=US");
        assertThat(many.param("destination")).isEqualTo("a:1, b:2, c:3, d:4, e:5, f:6, g:7");
    }

    static Evidence src(String file, long line) {
        return new Evidence(file, line, "line " + line);
    }

    @Test
    void detectionsOfOneIdMergeIntoOneFinding() {
        List<Detection> ds = List.of(
                d("TLS_INTERCEPTION", Severity.CRITICAL, 0.75, Map.of("issuer", "B CA"), src("b.log", 9)),
                d("TLS_INTERCEPTION", Severity.CRITICAL, 0.95, Map.of("issuer", "A CA", "product", "Fiddler"),
                        src("a.log", 3), src("a.log", 1)),
                d("TLS_INTERCEPTION", Severity.CRITICAL, 0.95, Map.of("issuer", "A CA"), src("a.log", 1)));
        List<Finding> fs = FindingAssembler.assemble(ds, List.of(), TEXTS);
        assertThat(fs).hasSize(1);
        Finding f = fs.get(0);
        assertThat(f.confidence()).isEqualTo(0.95);
        assertThat(f.params()).containsEntry("issuer", "A CA, B CA").containsEntry("product", "Fiddler");
        assertThat(f.evidence()).extracting(Evidence::file, Evidence::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.log", 1L), org.assertj.core.groups.Tuple.tuple("a.log", 3L),
                        org.assertj.core.groups.Tuple.tuple("b.log", 9L));
        assertThat(f.evidenceOmitted()).isZero();
    }

    @Test
    void atMostFiveEvidenceLinesAreShownAndTheRestCounted() {
        List<Detection> ds = new ArrayList<>();
        for (int i = 20; i > 0; i--) {
            ds.add(d("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, Map.of("destination", "10.0.0." + i + ":443"), src("t.log", i)));
        }
        Finding f = FindingAssembler.assemble(ds, List.of(), TEXTS).get(0);
        assertThat(f.evidence()).extracting(Evidence::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(f.evidenceOmitted()).isEqualTo(15);
        assertThat(f.params().get("destination")).startsWith("10.0.0.1:443, 10.0.0.2:443").endsWith(", …");
    }

    @Test
    void rootCausesComeFirstThenSeverityConfidenceEvidenceAndId() {
        List<Detection> ds = List.of(
                d("CONNECTION_RESET", Severity.HIGH, 0.8, Map.of(), src("x", 1)),
                d("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, Map.of(), src("x", 2), src("x", 3)),
                d("CERT_REVOKED", Severity.CRITICAL, 0.9, Map.of(), src("x", 4)),
                d("OUTDATED_CLIENT", Severity.LOW, 0.9, Map.of(), src("x", 5)),
                d("DNS_RESOLUTION_FAILED", Severity.HIGH, 0.85, Map.of(), src("x", 6)),
                d("UNTRUSTED_CA", Severity.HIGH, 0.9, Map.of(), src("x", 7)),
                d("TLS_INTERCEPTION", Severity.CRITICAL, 0.7, Map.of(), src("x", 8)));
        List<Finding> fs = FindingAssembler.assemble(ds, List.of(new Explanation("TLS_INTERCEPTION", "UNTRUSTED_CA")), TEXTS);
        assertThat(fs).extracting(Finding::id).containsExactly("CERT_REVOKED", "TLS_INTERCEPTION",
                "DNS_RESOLUTION_FAILED", "CONNECTION_TIMEOUT", "CONNECTION_RESET", "OUTDATED_CLIENT", "UNTRUSTED_CA");
        assertThat(fs).extracting(Finding::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(fs.get(6).explainedBy()).contains("TLS_INTERCEPTION");
    }

    @Test
    void aChainOfCausesRanksEachBelowItsCauseAndTheBestCauseIsNamed() {
        List<Detection> ds = List.of(
                d("PROXY_FAILED_DIRECT_FALLBACK", Severity.MEDIUM, 0.8, Map.of(), src("x", 1)),
                d("CERT_EXPIRED", Severity.HIGH, 0.85, Map.of(), src("x", 2)),
                d("CLOCK_SKEW", Severity.CRITICAL, 0.95, Map.of(), src("x", 3)),
                d("TLS_INTERCEPTION", Severity.CRITICAL, 0.75, Map.of(), src("x", 4)));
        List<Explanation> ex = List.of(
                new Explanation("CERT_EXPIRED", "PROXY_FAILED_DIRECT_FALLBACK"),
                new Explanation("TLS_INTERCEPTION", "CERT_EXPIRED"),
                new Explanation("CLOCK_SKEW", "CERT_EXPIRED"));
        List<Finding> fs = FindingAssembler.assemble(ds, ex, TEXTS);
        assertThat(fs).extracting(Finding::id)
                .containsExactly("CLOCK_SKEW", "TLS_INTERCEPTION", "CERT_EXPIRED", "PROXY_FAILED_DIRECT_FALLBACK");
        assertThat(fs.get(2).explainedBy()).contains("CLOCK_SKEW");
        assertThat(fs.get(3).explainedBy()).contains("CERT_EXPIRED");
    }

    @Test
    void explanationCyclesAndMissingCausesAreIgnored() {
        List<Detection> ds = List.of(
                d("CERT_EXPIRED", Severity.HIGH, 0.85, Map.of(), src("x", 1)),
                d("CLOCK_SKEW", Severity.CRITICAL, 0.95, Map.of(), src("x", 2)));
        List<Explanation> ex = List.of(new Explanation("CLOCK_SKEW", "CERT_EXPIRED"),
                new Explanation("CERT_EXPIRED", "CLOCK_SKEW"), new Explanation("CLOCK_SKEW", "CLOCK_SKEW"),
                new Explanation("TLS_INTERCEPTION", "CLOCK_SKEW"));
        List<Finding> fs = FindingAssembler.assemble(ds, ex, TEXTS);
        assertThat(fs).extracting(Finding::id, Finding::explainedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CLOCK_SKEW", java.util.Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("CERT_EXPIRED", java.util.Optional.of("CLOCK_SKEW")));
    }

    @Test
    void mergingDoesNotDependOnTheOrderOfDetections() {
        List<Detection> ds = new ArrayList<>(List.of(
                d("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, Map.of("destination", "b"), src("b.log", 2)),
                d("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, Map.of("destination", "a"), src("a.log", 7)),
                d("CONNECTION_TIMEOUT", Severity.HIGH, 0.8, Map.of("destination", "c"), src("c.log", 1))));
        List<Finding> first = FindingAssembler.assemble(ds, List.of(), TEXTS);
        java.util.Collections.reverse(ds);
        assertThat(FindingAssembler.assemble(ds, List.of(), TEXTS)).isEqualTo(first);
        assertThat(first.get(0).params()).containsEntry("destination", "a, b, c");
    }
}
