package dev.sonde.rules.model;

import dev.sonde.Severity;
import dev.sonde.Evidence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one rule concluded from one match: inserted by {@link Raise} so that other rules (for example
 * "X explains Y") can match on it. The engine merges every detection of one {@link #id} into one
 * {@link dev.sonde.Finding}.
 *
 * @param id          the finding id ({@code CLOCK_SKEW}), from the rule's {@code @finding}
 * @param severity    from the rule's {@code @severity}
 * @param confidence  from the rule's {@code @confidence}, 0..1
 * @param articleStep from the rule's {@code @articleStep}, or {@code ""}
 * @param rule        the rule's name
 * @param params      the concrete values behind the text, in the order the rule gave them: each a list of
 *                    distinct values (one for a scalar), joined only when a message is formatted
 * @param evidence    the supporting facts' sources, sorted, each once
 * @param facts       the supporting facts themselves, for rules that reason about a detection; the engine derives
 *                    the detection's targets, times and count from them (the attempts they belong to)
 * @param machineWide true when the rule says the finding is about this computer as a whole ({@code @scope("machine")}):
 *                    its one target is {@link dev.sonde.Target#MACHINE}
 * @param clockOffset how far this computer's clock is off, when a supporting fact measured it (a live {@code Date}
 *                    check): positive when the clock is ahead
 * @param outsideValidity how far outside its validity a supporting certificate was seen: positive after its end,
 *                    negative before its start; empty when no supporting certificate was seen outside it
 * @param message     the text the rule names, from its {@code @message} ({@code "live"} selects the keys
 *                    {@code <ID>.live.title} ...), or {@code ""} for the finding's plain keys ({@code <ID>.title} ...)
 */
public record Detection(String id, Severity severity, double confidence, String articleStep, String rule,
        Map<String, List<String>> params, List<Evidence> evidence, List<Object> facts, boolean machineWide,
        Optional<Duration> clockOffset, Optional<Duration> outsideValidity, String message) {

    public Detection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        articleStep = Objects.requireNonNullElse(articleStep, "");
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        params.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        params = java.util.Collections.unmodifiableMap(copy);
        evidence = List.copyOf(evidence);
        facts = List.copyOf(facts);
        Objects.requireNonNull(clockOffset, "clockOffset");
        Objects.requireNonNull(outsideValidity, "outsideValidity");
        message = Objects.requireNonNullElse(message, "");
    }

    /** A detection whose rule names no message of its own (the finding's plain keys give its text). */
    public Detection(String id, Severity severity, double confidence, String articleStep, String rule,
            Map<String, List<String>> params, List<Evidence> evidence, List<Object> facts, boolean machineWide,
            Optional<Duration> clockOffset, Optional<Duration> outsideValidity) {
        this(id, severity, confidence, articleStep, rule, params, evidence, facts, machineWide, clockOffset,
                outsideValidity, "");
    }

    /** A detection about the targets of its facts, without magnitudes. */
    public Detection(String id, Severity severity, double confidence, String articleStep, String rule,
            Map<String, List<String>> params, List<Evidence> evidence, List<Object> facts) {
        this(id, severity, confidence, articleStep, rule, params, evidence, facts, false, Optional.empty(),
                Optional.empty());
    }

    /** The values of a parameter joined with {@code ", "}, or {@code ""}. */
    public String param(String name) {
        return String.join(", ", params.getOrDefault(name, List.of()));
    }
}
