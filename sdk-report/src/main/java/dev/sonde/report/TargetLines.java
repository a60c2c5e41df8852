package dev.sonde.report;

import dev.sonde.FindingTarget;
import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One target of a finding in words, for the text report:
 * {@code mail.google.com (142.250.1.2:443) via proxy 192.0.2.10:8080: 117 times, 2024-03-04 09:12–14:02, still
 * failing at the end of the log}. Times to the minute (never seconds' fractions), counts with their plural, states
 * in words.
 */
final class TargetLines {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final BiFunction<String, Object[], String> label;

    /** @param label the report's labels: key and arguments to text */
    TargetLines(BiFunction<String, Object[], String> label) {
        this.label = label;
    }

    /** The target, how often, when, where it stands and, when it has one, its cause there. */
    String line(FindingTarget t) {
        StringBuilder b = new StringBuilder(t.count() == 1 ? label("times.one") : label("times.other", t.count()));
        String span = span(t.firstSeen(), t.lastSeen());
        if (!span.isEmpty()) {
            b.append(", ").append(span);
        }
        boolean live = t.evidence().stream().allMatch(e -> e.file().startsWith("probe:")) && !t.evidence().isEmpty();
        b.append(", ").append(switch (t.state()) {
            case ONGOING -> label(live ? "state.ongoing.live" : "state.ongoing");
            case INTERMITTENT -> label("state.intermittent");
            case RESOLVED -> label("state.resolved");
        });
        t.explainedBy().ifPresent(c -> b.append(" (").append(label("causedBy", c)).append(')'));
        return label("target.line", where(t.target()), b.toString());
    }

    /** The target in words; {@link Target#MACHINE} as "this computer", an unknown destination as "destination not logged". */
    String where(Target t) {
        if (t.machine()) {
            return label("target.machine");
        }
        StringBuilder b = new StringBuilder();
        if (t.unknown()) {
            b.append(label("target.unknown"));
        } else if (!t.host().isEmpty()) {
            b.append(t.host());
            if (!t.endpoint().isEmpty()) {
                b.append(" (").append(t.endpoint()).append(')');
            } else if (t.port() != 0) {
                b.append(':').append(t.port());
            }
        } else {
            b.append(t.endpoint());
        }
        if (!t.proxy().isEmpty()) {
            b.append(b.length() == 0 ? "" : " ").append(label("target.proxy", t.proxy()));
        }
        return b.toString();
    }

    /** {@code 2024-03-04 09:12–14:02}, {@code 2024-03-04 09:12} alone, or across days with both dates; {@code ""} unknown. */
    static String span(Optional<LogTime> first, Optional<LogTime> last) {
        if (first.isEmpty()) {
            return "";
        }
        LogTime f = first.get();
        LogTime l = last.orElse(f);
        String start = f.local().format(DAY) + " " + f.local().format(MINUTE);
        if (f.local().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .equals(l.local().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            return start;
        }
        if (f.local().toLocalDate().equals(l.local().toLocalDate())) {
            return start + "–" + l.local().format(MINUTE);
        }
        return start + " – " + l.local().format(DAY) + " " + l.local().format(MINUTE);
    }

    private String label(String key, Object... args) {
        return label.apply(key, args);
    }
}
