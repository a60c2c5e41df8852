package dev.sonde;

import dev.sonde.spi.FactSink;
import dev.sonde.spi.InputFiles;
import dev.sonde.spi.LogReader;
import dev.sonde.spi.Prober;
import dev.sonde.spi.Redaction;
import dev.sonde.spi.RuleEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a {@link Sonde} runs one analysis, probe run or diagnosis: the paths are expanded to log files, one session of
 * the rules in use is opened with a deadline covering everything, the probes (when asked) and then the logs (in name
 * order, until the reading deadline) send their facts into it, the rules fire, and the report is redacted. Immutable;
 * each call runs on its own.
 */
final class Analysis {

    private final LogReader reader;
    /** Null when no prober is on the class path: then only logs are analyzed. */
    private final Prober prober;
    private final Locale locale;
    private final Duration deadline;
    /** Whether reports replace e-mail addresses and home folder user names by pseudonyms (secrets go always). */
    private final boolean anonymize;
    /** The end of the deadline kept for the rules to fire ({@link #readingDeadline}), computed once. */
    private final Duration firingShare;

    Analysis(LogReader reader, Prober prober, Locale locale, Duration deadline, boolean anonymize) {
        this.reader = reader;
        this.prober = prober;
        this.locale = locale;
        this.deadline = deadline;
        this.anonymize = anonymize;
        this.firingShare = firingShare(deadline);
    }

    /** False when there is no prober: {@link Sonde#probe()} and {@link Sonde#diagnose} cannot run. */
    boolean canProbe() {
        return prober != null;
    }

    /** Expands the paths (files, folders) and analyzes them, probing first when {@code probing} is given. */
    Report run(LiveRules rules, Collection<Path> paths, ProbeOptions probing) {
        Instant until = Instant.now().plus(deadline);
        List<Warning> warnings = new ArrayList<>();
        List<LogInput> inputs = new ArrayList<>();
        List<InputSummary> unreadable = new ArrayList<>();
        LogArchives archives = new LogArchives(inputs, unreadable, warnings, readingDeadline(until));
        for (Path file : LogFiles.expand(paths, warnings, readingDeadline(until))) {
            if (LogArchives.isArchive(file.toString())) {
                archives.read(file); // its logs join the inputs, named archive!/entry
                continue;
            }
            Optional<String> why = InputFiles.notRegular(file);
            if (why.isEmpty()) {
                inputs.add(LogInput.of(file));
            } else {
                unreadable.add(InputSummary.unreadable(file.toString()));
                warnings.add(Warning.incomplete(file.toString(), 0, "not read: " + why.get()));
            }
        }
        return run(rules, inputs, unreadable, warnings, probing, until);
    }

    /** Analyzes logs given as files, streams or text, together. */
    Report run(LiveRules rules, List<LogInput> inputs) {
        return run(rules, inputs, List.of(), new ArrayList<>(), null, Instant.now().plus(deadline));
    }

    /**
     * When reading must stop so that the rules still get their share of the deadline: a fifth of it, between
     * {@link Sonde#MIN_FIRING_SHARE} and {@link Sonde#MAX_FIRING_SHARE} (and never more than half).
     */
    private Instant readingDeadline(Instant until) {
        return until.minus(firingShare);
    }

    /** A fifth of the deadline, between the least and the most firing share, and never more than half of it. */
    private static Duration firingShare(Duration deadline) {
        Duration firing = deadline.dividedBy(5);
        firing = firing.compareTo(Sonde.MIN_FIRING_SHARE) < 0 ? Sonde.MIN_FIRING_SHARE
                : firing.compareTo(Sonde.MAX_FIRING_SHARE) > 0 ? Sonde.MAX_FIRING_SHARE : firing;
        if (firing.compareTo(deadline.dividedBy(2)) > 0) {
            firing = deadline.dividedBy(2);
        }
        return firing;
    }

    /** One input: a saved auto-config script goes to the prober, which can run it; anything else to the log reader. */
    private InputSummary read(LogInput input, ProbeCatalog catalog, FactSink sink, List<Warning> warnings,
            Instant readUntil) {
        Optional<InputSummary> script = prober != null
                && HostEvidence.ofFile(input.name()).filter(h -> h == HostEvidence.PROXY_SCRIPT).isPresent()
                        ? prober.evaluateSavedScript(catalog, input, sink, warnings::add, readUntil)
                        : Optional.empty();
        return script.isPresent() ? script.get() : reader.read(input, sink, warnings::add, readUntil);
    }

    private Report run(LiveRules rules, List<LogInput> inputs, List<InputSummary> alreadyFailed,
            List<Warning> warnings, ProbeOptions probing, Instant until) {
        Instant readUntil = readingDeadline(until);
        List<InputSummary> sources = new ArrayList<>(alreadyFailed);
        List<LogInput> ordered = new ArrayList<>(inputs);
        ordered.sort((a, b) -> a.name().compareTo(b.name())); // the same report whatever the input order
        LiveRules.Rules current = rules.current(); // read once: the whole analysis runs on these rules, even if a reload swaps them
        try (RuleEngine.Session session = current.engine().openSession(locale, until)) {
            if (probing != null) {
                FactSink sink = session::add;
                sources.addAll(prober.run(current.catalog(), probing, sink, warnings::add));
            }
            for (int i = 0; i < ordered.size(); i++) {
                if (Instant.now().isAfter(readUntil)) {
                    int left = ordered.size() - i;
                    warnings.add(Warning.incomplete(ordered.get(i).name(), 0, left == 1
                            ? "not read: the analysis deadline passed before it was reached"
                            : "not read, nor the " + (left - 1) + " inputs after it in name order: the analysis"
                                    + " deadline passed before they were reached"));
                    break;
                }
                sources.add(read(ordered.get(i), current.catalog(), session, warnings, readUntil));
            }
            sources.sort(null);
            warnings.sort(null);
            return Redaction.apply(session.finish(sources, warnings), anonymize); // what every writer sees
        }
    }
}
