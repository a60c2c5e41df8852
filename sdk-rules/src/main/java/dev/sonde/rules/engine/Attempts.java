package dev.sonde.rules.engine;

import dev.sonde.Evidence;
import dev.sonde.Target;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.Destination;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.MachineTimes;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.UrlCheck;
import dev.sonde.rules.model.Reason;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The connection attempts of one analysis, built from its facts before the rules fire: the facts of one log file and
 * thread within {@value LogTime#SAME_ATTEMPT_SECONDS} s of each other (chained) form one attempt, each live probe
 * check is one attempt at "now". An attempt has a {@link Target} (from its {@code Destination}, its probe's host,
 * URL or address; its proxy from its proxy facts; the catalog's services for its host), a time span and an outcome:
 * failed (it holds a fact whose {@link Fact#failure()} is true), succeeded (no failure, and a fact whose
 * {@link Fact#success()} is true or a probe check that passed), or neither. Building it sorts the facts once
 * (n log n, n bounded by the session's fact limit); lookups are by map.
 */
final class Attempts {

    /** How an attempt ended. */
    enum Outcome { FAILED, SUCCEEDED, NONE }

    /**
     * One connection attempt.
     *
     * @param id      its number, in the order attempts were built (files, threads, times)
     * @param target  what it was about
     * @param first   its first fact's time ({@link LogTime#UNKNOWN} when none has one)
     * @param last    its last fact's time
     * @param outcome how it ended
     * @param live    true for a live probe check (its time is when the probes ran: it orders and overlaps, but a
     *                report does not print it, so that a recorded run played back gives the same report)
     * @param file    the log file it was read from ({@code ""} for a live probe check)
     */
    record Attempt(int id, Target target, LogTime first, LogTime last, Outcome outcome, boolean live, String file) {
    }


    private final Map<Object, Attempt> byFact = new IdentityHashMap<>();
    private final Map<Evidence, Attempt> bySource = new HashMap<>();
    private final List<Attempt> all = new ArrayList<>();
    private final Map<String, List<Attempt>> byHost = new HashMap<>();
    private final Map<String, List<Attempt>> byEndpoint = new HashMap<>();
    private final Map<String, List<Attempt>> byService = new HashMap<>();
    /** Per log file, its successful attempts that name no destination (GWSMO logs a destination only on failure). */
    private final Map<String, List<Attempt>> unnamedSuccessesByFile = new HashMap<>();
    private final LogTime end;
    /** One machine's log times in one order: trace logs carry their UTC offset, authorization logs do not. */
    private final MachineTimes times;
    private final Comparator<Attempt> byTime;
    /** {@link #toward} per target, made on first use (an index is read by one thread, after it is built). */
    private final Map<Target, List<Attempt>> toward = new HashMap<>();
    /** {@link #successes()}, made on first use. */
    private List<Attempt> successes;

    private Attempts(LogTime end, MachineTimes times) {
        this.end = end;
        this.times = times;
        this.byTime = Comparator.comparing(Attempt::first, times).thenComparingInt(Attempt::id);
    }

    /** The order of this analysis' times (zone-less log times placed at the machine's offset). */
    MachineTimes times() {
        return times;
    }

    /**
     * Indexes {@code facts}.
     *
     * @param catalog the catalog's services per host (lower case), for targets' {@code service}
     * @param now     the time live probe checks ran
     */
    static Attempts index(Collection<? extends Fact> facts, Map<String, String> catalog, Instant now) {
        LogTime probeTime = LogTime.of(now, ZoneOffset.UTC);
        Map<String, String> servicesByHost = servicesByHost(facts, catalog);
        Map<List<String>, List<Fact>> logGroups = new LinkedHashMap<>();
        List<Fact> probes = new ArrayList<>();
        for (Fact f : facts) {
            if (probe(f)) {
                probes.add(f);
            } else {
                logGroups.computeIfAbsent(List.of(f.source().file(), f.thread()), k -> new ArrayList<>()).add(f);
            }
        }
        MachineTimes times = MachineTimes.ofFacts(facts);
        LogTime latest = probes.isEmpty() ? LogTime.UNKNOWN : probeTime;
        for (List<Fact> g : logGroups.values()) {
            for (Fact f : g) {
                if (f.time().known() && times.compare(f.time(), latest) > 0) {
                    latest = f.time();
                }
            }
        }
        Attempts index = new Attempts(latest, times);
        List<List<String>> keys = new ArrayList<>(logGroups.keySet());
        keys.sort(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (List<String> k : keys) {
            List<Fact> g = logGroups.get(k);
            g.sort(Comparator.comparing(Fact::time, times).thenComparing(Fact::source));
            List<Fact> current = new ArrayList<>();
            for (Fact f : g) {
                Fact prev = current.isEmpty() ? null : current.get(current.size() - 1);
                if (prev != null && !f.time().within(prev.time(), LogTime.SAME_ATTEMPT_SECONDS)) {
                    index.add(current, logTarget(current, servicesByHost), LogTime.UNKNOWN, k.get(0));
                    current = new ArrayList<>();
                }
                current.add(f);
            }
            if (!current.isEmpty()) {
                index.add(current, logTarget(current, servicesByHost), LogTime.UNKNOWN, k.get(0));
            }
        }
        List<Fact> sortedProbes = new ArrayList<>(probes);
        sortedProbes.sort(Comparator.comparing(Fact::source));
        for (Fact p : sortedProbes) {
            index.add(List.of(p), probeTarget(p, servicesByHost), probeTime, "");
        }
        for (List<Attempt> l : List.of(index.byHost, index.byEndpoint, index.byService, index.unnamedSuccessesByFile).stream()
                .flatMap(m -> m.values().stream()).toList()) {
            l.sort(index.byTime);
        }
        index.all.sort(index.byTime);
        return index;
    }

    /** The latest time any input knows (live probes: when they ran); unknown when no fact has a time. */
    LogTime end() {
        return end;
    }

    /** The attempt a fact belongs to (a derived fact such as {@link Reason}: its source's), if indexed. */
    Optional<Attempt> of(Object fact) {
        Attempt a = byFact.get(fact);
        if (a == null && fact instanceof Reason r) {
            a = byFact.get(r.fact());
        }
        if (a == null && fact instanceof Fact f) {
            a = bySource.get(f.source());
        }
        return Optional.ofNullable(a);
    }

    /**
     * The attempts toward {@code target}, by time: those with its host or its address and port, else (when it names
     * neither or none matches) those of its service; every attempt for {@link Target#MACHINE}. A log names a
     * connection's destination only when it fails, so the successful attempts of the same log file that name no
     * destination count too: the same program reached Google again, which is all a log can say of a success.
     */
    List<Attempt> toward(Target target) {
        if (target.machine()) {
            return all;
        }
        // each finding's targets ask again for the same ones: made once per target and analysis
        return toward.computeIfAbsent(target, this::towardUncached);
    }

    private List<Attempt> towardUncached(Target target) {
        TreeSet<Attempt> out = new TreeSet<>(byTime);
        if (!target.host().isEmpty()) {
            out.addAll(byHost.getOrDefault(target.host().toLowerCase(Locale.ROOT), List.of()));
        }
        if (!target.endpoint().isEmpty()) {
            out.addAll(byEndpoint.getOrDefault(target.endpoint().toLowerCase(Locale.ROOT), List.of()));
        }
        if (out.isEmpty() && !target.service().isEmpty()) {
            out.addAll(byService.getOrDefault(target.service(), List.of()));
        }
        List<String> files = new ArrayList<>(2);
        for (Attempt a : out) {
            if (!a.file().isEmpty() && !files.contains(a.file())) {
                files.add(a.file());
            }
        }
        for (String file : files) {
            out.addAll(unnamedSuccessesByFile.getOrDefault(file, List.of()));
        }
        return List.copyOf(out);
    }

    /**
     * What can follow a failure whose destination was not written ({@link Target#unknown()}), by time: every successful
     * attempt of the input. It may have been to any server, so any later success says the program reached Google again;
     * failures elsewhere do not count (they may be another server's problem).
     */
    List<Attempt> successes() {
        if (successes == null) {
            List<Attempt> out = new ArrayList<>();
            for (Attempt a : all) {
                if (a.outcome() == Outcome.SUCCEEDED) {
                    out.add(a);
                }
            }
            successes = List.copyOf(out);
        }
        return successes;
    }

    private void add(List<Fact> facts, Target target, LogTime probeTime, String file) {
        boolean failed = false;
        boolean succeeded = false;
        LogTime first = probeTime;
        LogTime last = probeTime;
        for (Fact f : facts) {
            failed |= f.failure();
            succeeded |= f.success() || probeStatus(f) == ProbeStatus.OK;
            if (f.time().known()) {
                first = first.known() && times.compare(first, f.time()) <= 0 ? first : f.time();
                last = last.known() && times.compare(last, f.time()) >= 0 ? last : f.time();
            }
        }
        Outcome outcome = failed ? Outcome.FAILED : succeeded ? Outcome.SUCCEEDED : Outcome.NONE;
        Attempt a = new Attempt(all.size(), target, first, last, outcome, probeTime.known(), file);
        all.add(a);
        for (Fact f : facts) {
            byFact.put(f, a);
            bySource.putIfAbsent(f.source(), a);
        }
        if (!target.host().isEmpty()) {
            byHost.computeIfAbsent(target.host().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        }
        if (!target.endpoint().isEmpty()) {
            byEndpoint.computeIfAbsent(target.endpoint().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a);
        }
        if (!target.service().isEmpty()) {
            byService.computeIfAbsent(target.service(), k -> new ArrayList<>()).add(a);
        }
        if (!file.isEmpty() && outcome == Outcome.SUCCEEDED && target.host().isEmpty() && target.endpoint().isEmpty()) {
            unnamedSuccessesByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(a);
        }
    }

    /**
     * One service text per host, so that every attempt to a host has the same target whatever URL it asked for: the
     * catalog's (all its services for the host, sorted and joined: which one a failing connection served is not
     * known, and naming all of them is the same answer whichever URL came first); for a host the catalog lacks, the
     * services the URL probes named for it, sorted and joined the same way.
     */
    private static Map<String, String> servicesByHost(Collection<? extends Fact> facts, Map<String, String> catalog) {
        Map<String, TreeSet<String>> probed = new TreeMap<>();
        for (Fact f : facts) {
            if (f instanceof UrlCheck u && !u.service().isBlank()) {
                String host = u.host().toLowerCase(Locale.ROOT);
                if (!catalog.containsKey(host)) {
                    probed.computeIfAbsent(host, k -> new TreeSet<>()).add(u.service().trim());
                }
            }
        }
        if (probed.isEmpty()) {
            return catalog;
        }
        Map<String, String> out = new HashMap<>(catalog);
        probed.forEach((h, s) -> out.put(h, String.join(", ", s)));
        return out;
    }

    /** True for a live probe's fact (its evidence names a {@code probe:<family>}). */
    static boolean probe(Fact f) {
        return f.source() != null && f.source().file().startsWith("probe:");
    }

    private static Target logTarget(List<Fact> facts, Map<String, String> services) {
        String host = "";
        String address = "";
        int port = 0;
        String proxy = "";
        for (Fact f : facts) {
            if (f instanceof Destination d && address.isEmpty()) {
                address = d.ip();
                port = d.port();
                // a local proxy's line names the computer, and a bare word is no host name
                host = !d.loopback() && d.hostName().contains(".") ? d.hostName() : "";
            } else if (f instanceof ProxyEvent p && proxy.isEmpty() && !p.proxy().isBlank()) {
                proxy = p.proxy();
            }
        }
        for (Fact f : facts) { // an answer that names its server, when no destination line did
            if (f instanceof ServerAnswer s && host.isEmpty() && address.isEmpty()) {
                host = s.host();
                address = s.address();
                port = s.port();
            }
        }
        return new Target(host, address, port, proxy, services.getOrDefault(host.toLowerCase(Locale.ROOT), ""));
    }

    private static Target probeTarget(Fact f, Map<String, String> services) {
        String host = "";
        String address = "";
        int port = 0;
        String proxy = "";
        if (f instanceof ClockCheck) {
            return Target.MACHINE; // it measures this computer's clock
        } else if (f instanceof DnsCheck d) {
            host = d.host();
        } else if (f instanceof PortCheck p) {
            host = p.host();
            address = p.address();
            port = p.port();
        } else if (f instanceof ServedChain s) {
            host = s.host();
            port = s.port();
        } else if (f instanceof UrlCheck u) {
            host = u.host(); // its service is its host's, not its URL's: one host, port and proxy is one target
            port = urlPort(u.url());
            proxy = u.proxy();
        } else if (f instanceof RevocationCheck r && r.reason() == RevocationReason.REVOKED && !r.servedBy().isEmpty()) {
            int colon = r.servedBy().lastIndexOf(':'); // a revoked leaf is the problem of the server that served it
            host = r.servedBy().substring(0, Math.max(colon, 0)).replace("[", "").replace("]", "");
            port = colon < 0 ? 0 : parsePort(r.servedBy().substring(colon + 1));
        } else if (f instanceof RevocationCheck r) {
            host = r.host();
            port = urlPort(r.url());
        } else if (f instanceof ProxyCheck p) {
            proxy = p.proxy();
        } else if (f instanceof ProxyEvent p) {
            proxy = p.proxy();
        } else if (f instanceof ProxySetting p) {
            proxy = p.proxy();
        } else if (f instanceof ProbeSkipped s) {
            int colon = s.target().lastIndexOf(':');
            host = colon > 0 && !s.target().contains("/") ? s.target().substring(0, colon) : "";
        }
        return new Target(host, address, port, proxy, services.getOrDefault(host.toLowerCase(Locale.ROOT), ""));
    }

    private static int parsePort(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int urlPort(String url) {
        try {
            URI u = URI.create(url);
            return u.getPort() > 0 ? u.getPort() : "http".equalsIgnoreCase(u.getScheme()) ? 80 : 443;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 0;
        }
    }

    private static ProbeStatus probeStatus(Fact f) {
        if (!probe(f)) {
            return null;
        }
        if (f instanceof DnsCheck c) {
            return c.status();
        } else if (f instanceof PortCheck c) {
            return c.status();
        } else if (f instanceof ServedChain c) {
            return c.status();
        } else if (f instanceof UrlCheck c) {
            return c.status();
        } else if (f instanceof RevocationCheck c) {
            return c.status();
        } else if (f instanceof ProxyCheck c) {
            return c.status();
        } else if (f instanceof ClockCheck c) {
            return c.status();
        }
        return null;
    }
}
