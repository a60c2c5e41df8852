package dev.sonde.rules.model;

import dev.sonde.Severity;
import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's consequence calls to report a finding. The finding's id, severity, confidence and
 * article step come from the rule's metadata, never from code:
 *
 * <pre>
 * rule "Google certificate seen outside its validity"
 *     &#64;finding("CLOCK_SKEW") &#64;severity("critical") &#64;confidence(0.95) &#64;articleStep("4")
 * when
 *     $c : Certificate( observedAfterValidity() || observedBeforeValidity() )
 *     ...
 * then
 *     Raise.finding(drools).param("issuer", $c.issuerName()).insert();
 * end
 * </pre>
 *
 * <p>Evidence is named, never picked up: every fact a pattern of the rule matched ({@code $c : Certificate(...)},
 * and unbound ones such as {@code Reason(...)}) is evidence; the facts of a collection ({@code $ds : List() from
 * collect(...)}) are evidence only when the consequence names them with {@link #evidence}
 * ({@code .evidence($ds)}), so a collection used for a parameter alone (data such as endpoints) is not. The
 * result is a {@link Detection} fact, inserted logically so that equal conclusions are kept once.
 *
 * <p>The detection's targets, first and last time and count are not given by the rule: the engine derives them
 * from the supporting facts (the connection attempts they belong to). A rule whose finding is about the computer as
 * a whole says so with {@code @scope("machine")}. A rule names its text with {@code @message("live")} (keys
 * {@code <ID>.live.title} ..., see {@link dev.sonde.rules.pack.MessageBundle}); the finding's text is that of one
 * detection, filled with that detection's parameters only. Sizes an "explains" row may compare (a measured clock offset, how
 * far outside its validity a certificate was seen) are read from the supporting facts too.
 */
public final class Raise {

    /** Rule metadata keys. */
    public static final String FINDING = "finding";
    public static final String SEVERITY = "severity";
    public static final String CONFIDENCE = "confidence";
    public static final String ARTICLE_STEP = "articleStep";
    /** {@code @scope("machine")}: the finding is about this computer as a whole. */
    public static final String SCOPE = "scope";
    /** {@code @message("live")}: the text of the finding this rule raises (keys {@code <ID>.live.title} ...). */
    public static final String MESSAGE = "message";

    private final RuleContext drools;
    /** The finding's metadata when a data row gives it, else {@code null} (the rule's annotations give it). */
    private final FindingMetadata row;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Set<Object> facts = new LinkedHashSet<>();

    private Raise(RuleContext drools, FindingMetadata row) {
        this.drools = Objects.requireNonNull(drools, "drools");
        this.row = row;
        for (Object o : drools.getMatch().getObjects()) {
            if (o instanceof Fact) { // a matched collection is evidence only when named: evidence(...)
                facts.add(o);
            }
        }
    }

    /** Starts a detection for the rule now firing. */
    public static Raise finding(RuleContext drools) {
        return new Raise(drools, null);
    }

    /**
     * Starts a detection for the rule now firing, with the finding's id, severity, confidence and article step from
     * a data row instead of the rule's annotations: one rule then stands for every row of a table
     * ({@code Raise.finding(drools, $row)}, see {@link NetworkErrorFinding}).
     */
    public static Raise finding(RuleContext drools, FindingMetadata row) {
        return new Raise(drools, Objects.requireNonNull(row, "row"));
    }

    /**
     * Adds a parameter. Blank and {@code null} values are left out (the message bundle then picks the
     * text that does not need it); a collection gives its distinct values, in order, kept as a list until the
     * message is formatted; instants and log times are written in ISO-8601.
     */
    public Raise param(String name, Object value) {
        Objects.requireNonNull(name, "name");
        List<String> values = values(value);
        if (!values.isEmpty()) {
            params.put(name, values);
        }
        return this;
    }

    /** Adds facts (or collections of facts) as evidence beyond those the rule matched. */
    public Raise evidence(Object... more) {
        for (Object o : more) {
            addFacts(o);
        }
        return this;
    }

    /** Inserts the {@link Detection}. */
    public void insert() {
        drools.insertLogical(build());
    }

    /** The detection this call describes (without inserting it). */
    public Detection build() {
        Rule rule = drools.getRule();
        Map<String, Object> meta = rule.getMetaData();
        String id = row != null ? row.finding() : RuleMetadata.finding(rule.getName(), meta);
        Severity severity = row != null ? row.severity() : RuleMetadata.severity(rule.getName(), meta);
        double confidence = row != null ? row.confidence() : RuleMetadata.confidence(rule.getName(), meta);
        String step = row != null ? row.articleStep() : RuleMetadata.articleStep(meta);
        Set<Evidence> sources = new TreeSet<>();
        for (Object f : facts) {
            Evidence source = ((Fact) f).source();
            if (source != null) {
                sources.add(source);
            }
        }
        List<Object> supporting = List.copyOf(facts); // immutable: the detection keeps it without a copy
        boolean machine = RuleMetadata.machineWide(rule.getName(), meta);
        return new Detection(id, severity, confidence, step, rule.getName(), params, List.copyOf(sources),
                supporting, machine, Magnitudes.clockOffset(supporting), Magnitudes.outsideValidity(supporting),
                RuleMetadata.message(rule.getName(), meta));
    }

    private void addFacts(Object o) {
        if (o instanceof Fact) {
            facts.add(o);
        } else if (o instanceof Collection<?> c) {
            for (Object e : c) {
                if (e instanceof Fact) {
                    facts.add(e);
                }
            }
        }
    }

    /** The distinct non-blank texts of a value: one for a scalar, each element's for a collection. */
    static List<String> values(Object value) {
        if (!(value instanceof Collection<?>)) { // the usual case: one value, no set to make
            String t = text(value);
            return t.isBlank() ? List.of() : List.of(t);
        }
        Set<String> distinct = new LinkedHashSet<>();
        if (value instanceof Collection<?> c) {
            for (Object e : c) {
                distinct.addAll(values(e));
            }
        } else {
            String t = text(value);
            if (!t.isBlank()) {
                distinct.add(t);
            }
        }
        return List.copyOf(distinct);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant i) {
            return DateTimeFormatter.ISO_INSTANT.format(i);
        }
        if (value instanceof LogTime t) {
            return t.known() ? t.toString() : "";
        }
        return value.toString().trim();
    }
}
