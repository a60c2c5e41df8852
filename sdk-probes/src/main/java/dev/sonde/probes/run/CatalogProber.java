package dev.sonde.probes.run;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Source;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.ClockReason;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.RevocationKind;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.net.IpLiterals;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.Elapsed;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.clock.ClockProbe;
import dev.sonde.probes.clock.ClockReading;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.probes.http.HttpFetch;
import dev.sonde.probes.http.UrlProbe;
import dev.sonde.probes.proxy.ProxyAuthProbe;
import dev.sonde.probes.proxy.ProxyAuthResult;
import dev.sonde.probes.proxy.ProxyDiscovery;
import dev.sonde.probes.revocation.RevocationProbe;
import dev.sonde.probes.tcp.TcpProbe;
import dev.sonde.probes.tls.CertificateInfo;
import dev.sonde.probes.tls.TlsChainProbe;
import dev.sonde.probes.tls.TlsChainResult;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.Prober;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sonde's live prober (the {@link Prober} SPI, found with {@link java.util.ServiceLoader}): checks a
 * {@link ProbeCatalog} the way the troubleshooting article does, each check ending as ok, problem (a
 * typed reason) or not run (with why), and sends one fact per check.
 *
 * <p>Per catalog host: DNS → TCP to each of its ports ({@link PortCheck}) → for https ports, the
 * served chain captured and verified against the catalog's anchors ({@link ServedChain}) and each
 * allow-listed URL requested ({@link UrlCheck}, whose {@code Date} also measures the clock:
 * {@link ClockCheck}) → for a trusted chain, its leaf's CRL and OCSP ({@link RevocationCheck}); for
 * http (revocation) URLs, a plain GET ({@link RevocationCheck} of kind {@code http}). Proxies found by
 * {@link ProxyDiscovery} get a {@code CONNECT} without credentials ({@link ProxySetting},
 * {@link ProxyCheck}, and a {@link ProxyEvent} for a 407). A check whose prerequisite failed becomes a
 * {@link ProbeSkipped} fact and a warning.
 *
 * <p>Checks run concurrently on a bounded pool ({@link ProbeOptions#concurrency()}), each under its own
 * deadline ({@link ProbeOptions#probeTimeout()}) and all under {@link ProbeOptions#timeout()}, which holds
 * even when every host black-holes packets. URLs and proxy CONNECTs go direct unless a proxy was found,
 * in which case URL requests go through the first one found (as the client's would). Facts and warnings
 * are handed over from the calling thread, sorted, so equal networks give equal reports.
 *
 * <p>Stateless and thread-safe: every {@link #run} builds its own pool and HTTP clients.
 */
public final class CatalogProber implements Prober {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogProber.class);
    /** How long the caller waits past the overall deadline for checks to notice it. */
    private static final Duration GRACE = Duration.ofMillis(300);

    /** A run's shared state: the collected facts and the pool. */
    private static final class Run {
        final ProbeOptions options;
        final Deadline overall;
        final ExecutorService pool;
        final ConcurrentLinkedQueue<Fact> facts = new ConcurrentLinkedQueue<>();
        final List<Pending> pending = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger total = new AtomicInteger();
        /** Checks that did not run for want of time, or failed unexpectedly: the report is then incomplete. */
        final AtomicInteger lost = new AtomicInteger();
        final Map<String, Boolean> revocationChecked = new ConcurrentHashMap<>();

        Run(ProbeOptions options) {
            this.options = options;
            this.overall = Deadline.after(options.timeout());
            AtomicInteger n = new AtomicInteger();
            this.pool = new ThreadPoolExecutor(options.concurrency(), options.concurrency(), 1, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "sonde-probe-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
        }

        Deadline probeDeadline() {
            return Deadline.after(options.probeTimeout()).orEarlier(overall);
        }

        /** Set once the caller stops waiting: facts of checks abandoned at the deadline are dropped. */
        volatile boolean closed;

        /** Keeps a fact, unless the caller stopped waiting (facts of checks abandoned at the deadline are dropped). */
        void fact(Fact f) {
            if (!closed) {
                facts.add(f);
            }
        }

        /** A check that did not run for want of time or by accident (not because a prerequisite failed). */
        void lose(ProbeFamily family, String target, String why) {
            lost.incrementAndGet();
            skip(family, target, why);
        }

        void skip(ProbeFamily family, String target, String why) {
            fact(new ProbeSkipped(family, target, why, LogTime.UNKNOWN, "",
                    source(family, family + " check of " + target + " not run: " + why)));
        }

        void finished(String target) {
            options.progress().update(done.incrementAndGet(), total.get(), target);
        }
    }

    private final HostResolver resolver;

    /** A prober using the JVM's resolver (what {@link java.util.ServiceLoader} creates). */
    public CatalogProber() {
        this(HostResolver.system());
    }

    /**
     * A prober resolving catalog host names with {@code resolver} (DNS, TCP and TLS checks; the HTTPS
     * requests of the JDK {@code HttpClient} always use the JVM's resolver).
     */
    public CatalogProber(HostResolver resolver) {
        this.resolver = java.util.Objects.requireNonNull(resolver, "resolver");
    }

    /** A check that was started, so that one still running at the deadline is reported as not run. */
    private record Pending(ProbeFamily family, String target, CompletableFuture<?> future) {
    }

    @Override
    public List<SourceSummary> run(ProbeCatalog catalog, ProbeOptions options, FactSink facts, Consumer<Warning> warnings) {
        Run run = new Run(options);
        try {
            start(catalog, run);
            awaitAll(run);
        } finally {
            run.pool.shutdownNow();
        }
        // checks still running at the deadline never report: mark them not run, and drop anything they say later
        run.closed = true;
        synchronized (run.pending) {
            for (Pending p : run.pending) {
                if (!p.future().isDone()) {
                    p.future().cancel(true);
                    String why = "the overall probe deadline of " + human(options.timeout()) + " passed before it finished";
                    run.lost.incrementAndGet();
                    run.facts.add(new ProbeSkipped(p.family(), p.target(), why, LogTime.UNKNOWN, "",
                            source(p.family(), p.family() + " check of " + p.target() + " not run: " + why)));
                }
            }
        }
        List<SourceSummary> out = Prober.handOver(run.facts, facts, warnings);
        int lost = run.lost.get();
        if (lost > 0) {
            warnings.accept(Warning.incomplete("probe", 0, lost == 1
                    ? "1 check did not run or finish (deadline or failure; see the warnings about probe:*)"
                    : lost + " checks did not run or finish (deadline or failure; see the warnings about probe:*)"));
        }
        if (out.isEmpty()) {
            warnings.accept(new Warning("probe", 0, "the endpoint catalog lists nothing to probe"));
        }
        return out;
    }

    private void start(ProbeCatalog catalog, Run run) {
        List<X509Certificate> anchors = anchors(catalog, run);
        Map<String, List<ProbeCatalog.Endpoint>> byHost = new LinkedHashMap<>();
        for (ProbeCatalog.Endpoint e : catalog.endpoints()) {
            byHost.computeIfAbsent(e.host(), h -> new ArrayList<>()).add(e);
        }
        URI sample = catalog.endpoints().stream().filter(ProbeCatalog.Endpoint::https).findFirst()
                .map(e -> URI.create(e.url())).orElse(URI.create("https://www.google.com/"));
        List<ProxyDiscovery.Found> proxies = ProxyDiscovery.discover(run.options.proxies(), run.options.winHttpProxyText(),
                run.options.discoverSystemProxies(), System::getenv, System::getProperty, sample);
        ProxySelector urlRoute = proxies.isEmpty() ? HttpClient.Builder.NO_PROXY
                : ProxySelector.of(InetSocketAddress.createUnresolved(proxies.get(0).host(), proxies.get(0).port()));
        UrlProbe urls = anchors.isEmpty() ? null : new UrlProbe(anchors, urlRoute, run.options.clock(), run.options.probeTimeout());
        TlsChainProbe tls = anchors.isEmpty() ? null : new TlsChainProbe(anchors, run.options.clock(), resolver);
        RevocationProbe revocation = new RevocationProbe(run.options.clock(), HttpClient.Builder.NO_PROXY,
                RevocationProbe.DEFAULT_MAX_BODY_BYTES);
        HttpFetch plain = new HttpFetch(HttpClient.Builder.NO_PROXY, 64 * 1024);
        ClockProbe clock = new ClockProbe(run.options.clock(), run.options.clockTolerance());
        List<CompletableFuture<Boolean>> clockReadings = java.util.Collections.synchronizedList(new ArrayList<>());

        for (ProxyDiscovery.Found p : proxies) {
            run.fact(new ProxySetting(p.origin(), p.proxy(), p.bypass(), LogTime.UNKNOWN, "",
                    source(ProbeFamily.PROXY, "proxy " + p.proxy() + " configured (" + p.origin() + ")"
                            + (p.bypass().isEmpty() ? "" : ", bypass " + p.bypass()))));
            String targetHost = sample.getHost();
            int targetPort = sample.getPort() > 0 ? sample.getPort() : 443;
            submit(run, ProbeFamily.PROXY, p.proxy(), () -> {
                ProxyAuthResult r = new ProxyAuthProbe().connect(p.host(), p.port(), targetHost, targetPort, run.probeDeadline());
                proxyFacts(run, p, r);
                return true;
            });
        }

        for (Map.Entry<String, List<ProbeCatalog.Endpoint>> entry : byHost.entrySet()) {
            String host = entry.getKey();
            List<ProbeCatalog.Endpoint> endpoints = entry.getValue();
            CompletableFuture<List<InetAddress>> dns = submit(run, ProbeFamily.DNS, host, () -> dns(run, resolver, host));
            Map<Integer, List<ProbeCatalog.Endpoint>> byPort = new TreeMap<>();
            endpoints.forEach(e -> byPort.computeIfAbsent(e.port(), p -> new ArrayList<>()).add(e));
            for (Map.Entry<Integer, List<ProbeCatalog.Endpoint>> pe : byPort.entrySet()) {
                int port = pe.getKey();
                List<ProbeCatalog.Endpoint> here = pe.getValue();
                String target = IpLiterals.hostPort(host, port);
                CompletableFuture<Boolean> tcp = then(run, dns, ProbeFamily.TCP, target, addresses -> {
                    if (addresses == null || addresses.isEmpty()) {
                        run.skip(ProbeFamily.TCP, target, "the host name " + host + " did not resolve");
                        return false;
                    }
                    return tcp(run, host, port, here, addresses);
                });
                boolean anyHttps = here.stream().anyMatch(ProbeCatalog.Endpoint::https);
                if (anyHttps) {
                    then(run, tcp, ProbeFamily.TLS, target, ok -> {
                        if (!Boolean.TRUE.equals(ok)) {
                            run.skip(ProbeFamily.TLS, target, "no TCP connection to " + target);
                            return false;
                        }
                        if (tls == null) {
                            run.skip(ProbeFamily.TLS, target, "the catalog has no trust anchors");
                            return false;
                        }
                        TlsChainResult r = tls.probe(host, port, run.probeDeadline());
                        chainFacts(run, host, port, r);
                        revocationOfLeaf(run, revocation, host, r);
                        return true;
                    });
                }
                for (ProbeCatalog.Endpoint e : here) {
                    if (e.https()) {
                        clockReadings.add(then(run, tcp, ProbeFamily.HTTPS, e.url(), ok -> {
                            if (!Boolean.TRUE.equals(ok)) {
                                run.skip(ProbeFamily.HTTPS, e.url(), "no TCP connection to " + target);
                                return false;
                            }
                            if (urls == null) {
                                run.skip(ProbeFamily.HTTPS, e.url(), "the catalog has no trust anchors");
                                return false;
                            }
                            ProbeOutcome<UrlReason> r = urls.probe(URI.create(e.url()), run.probeDeadline());
                            urlFacts(run, e, r, !proxies.isEmpty());
                            String date = r.detail(UrlProbe.DATE);
                            if (!date.isEmpty() && r.ok()) {
                                ClockReading reading = clock.check(e.url(), date, Instant.parse(r.detail(UrlProbe.RECEIVED_AT)));
                                clockFact(run, e.url(), reading);
                                return true;
                            }
                            return false;
                        }));
                    } else {
                        then(run, tcp, ProbeFamily.REVOCATION, e.url(), ok -> {
                            if (!Boolean.TRUE.equals(ok)) {
                                run.skip(ProbeFamily.REVOCATION, e.url(), "no TCP connection to " + target);
                                return false;
                            }
                            plainGet(run, plain, e);
                            return true;
                        });
                    }
                }
            }
        }
        CompletableFuture<Void> allReadings = CompletableFuture.allOf(clockReadings.toArray(CompletableFuture[]::new));
        CompletableFuture<Void> clockDone = allReadings.handle((v, t) -> {
            boolean any = clockReadings.stream().anyMatch(f -> f.isDone() && !f.isCompletedExceptionally() && Boolean.TRUE.equals(f.join()));
            if (!any && !clockReadings.isEmpty()) {
                run.skip(ProbeFamily.CLOCK, "Date headers", "no allow-listed URL answered with a Date header to compare with");
            }
            return null;
        });
        run.pending.add(new Pending(ProbeFamily.CLOCK, "Date headers", clockDone));
    }

    private static List<X509Certificate> anchors(ProbeCatalog catalog, Run run) {
        List<X509Certificate> out = new ArrayList<>();
        for (ProbeCatalog.TrustAnchor a : catalog.trustAnchors()) {
            try {
                out.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(a.pem().getBytes(StandardCharsets.US_ASCII))));
            } catch (CertificateException | ClassCastException e) {
                LOG.warn("trust anchor {} cannot be read: {}", a.name(), e.getMessage());
            }
        }
        return out;
    }

    // ---- scheduling -------------------------------------------------------------------------------

    private static <T> CompletableFuture<T> submit(Run run, ProbeFamily family, String target, Supplier<T> check) {
        run.total.incrementAndGet();
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> guarded(run, family, target, check), run.pool);
        run.pending.add(new Pending(family, target, f));
        return f;
    }

    private static <A, T> CompletableFuture<T> then(Run run, CompletableFuture<A> before, ProbeFamily family, String target,
            java.util.function.Function<A, T> check) {
        run.total.incrementAndGet();
        CompletableFuture<T> f = before.handleAsync((a, t) -> guarded(run, family, target, () -> check.apply(t == null ? a : null)),
                run.pool);
        run.pending.add(new Pending(family, target, f));
        return f;
    }

    private static <T> T guarded(Run run, ProbeFamily family, String target, Supplier<T> check) {
        try {
            if (run.overall.expired()) {
                run.lose(family, target, "the overall probe deadline of " + human(run.options.timeout())
                        + " passed before it could start");
                return null;
            }
            return check.get();
        } catch (RuntimeException e) {
            LOG.warn("{} probe of {} failed unexpectedly", family, target, e);
            run.lose(family, target, "the check failed unexpectedly: " + e);
            return null;
        } finally {
            run.finished(family + " " + target);
        }
    }

    /** Waits for every check, at most until the overall deadline plus a short grace. */
    private static void awaitAll(Run run) {
        long stopAt = System.nanoTime() + run.overall.remaining().plus(GRACE).toNanos();
        while (true) {
            List<CompletableFuture<?>> open;
            synchronized (run.pending) {
                open = run.pending.stream().<CompletableFuture<?>>map(Pending::future).filter(f -> !f.isDone()).toList();
            }
            long left = stopAt - System.nanoTime();
            if (open.isEmpty() || left <= 0) {
                return;
            }
            try {
                CompletableFuture.allOf(open.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // that check reported itself; wait for the others
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- checks -----------------------------------------------------------------------------------

    private static List<InetAddress> dns(Run run, HostResolver resolver, String host) {
        long start = System.nanoTime();
        DnsReason reason;
        List<InetAddress> found = List.of();
        try {
            found = resolver.resolve(host, run.probeDeadline());
            reason = found.isEmpty() ? DnsReason.NOT_FOUND : DnsReason.RESOLVED;
        } catch (HostResolver.DnsTimeoutException e) {
            reason = DnsReason.TIMED_OUT;
        } catch (IOException e) { // UnknownHostException included
            reason = DnsReason.NOT_FOUND;
        }
        List<String> addresses = found.stream().map(InetAddress::getHostAddress).toList();
        run.fact(new DnsCheck(host, reason.status(), reason, addresses, LogTime.UNKNOWN, "",
                source(ProbeFamily.DNS, "DNS " + host + ": " + reason + (addresses.isEmpty() ? "" : " " + String.join(", ", addresses))
                        + " in " + Elapsed.since(start).toMillis() + " ms")));
        return found;
    }

    private static boolean tcp(Run run, String host, int port, List<ProbeCatalog.Endpoint> here, List<InetAddress> addresses) {
        ProbeOutcome<TcpReason> o = new TcpProbe((h, d) -> addresses).probe(host, port, run.probeDeadline());
        List<String> services = here.stream().map(ProbeCatalog.Endpoint::service).distinct().toList();
        String address = o.detail(TcpProbe.ADDRESS);
        if (address.isEmpty()) {
            address = addresses.get(0).getHostAddress();
        }
        String how = switch (o.reason()) {
            case CONNECTED -> "connected";
            case REFUSED -> "refused (reset)";
            case TIMED_OUT -> "no answer in " + o.elapsed().toMillis() + " ms (dropped)";
            case UNREACHABLE -> "unreachable";
            case DNS_FAILED -> "name not resolved";
        };
        run.fact(new PortCheck(host, port, services, o.status(), o.reason(), address, LogTime.UNKNOWN, "",
                source(ProbeFamily.TCP, "TCP " + o.target() + " (" + address + "): " + how)));
        return o.ok();
    }

    private static void chainFacts(Run run, String host, int port, TlsChainResult r) {
        ProbeOutcome<TlsReason> o = r.outcome();
        if (o.status() == ProbeStatus.NOT_RUN) {
            run.skip(ProbeFamily.TLS, o.target(), "the connection failed: " + o.detail(TlsChainProbe.TCP));
            return;
        }
        List<String> issuers = r.chain().stream().map(CertificateInfo::issuer).toList();
        Instant notBefore = r.leaf().map(CertificateInfo::notBefore).orElse(null);
        Instant notAfter = r.leaf().map(CertificateInfo::notAfter).orElse(null);
        String text = "TLS " + o.target() + ": " + o.reason().name()
                + (r.problems().size() > 1 ? " " + r.problems() : "")
                + r.leaf().map(l -> "; leaf " + l.subject() + " issued by " + l.issuer() + ", valid " + l.notBefore()
                        + " to " + l.notAfter()).orElse("")
                + (o.detail(TlsChainProbe.ERROR).isEmpty() || o.ok() ? "" : "; " + o.detail(TlsChainProbe.ERROR));
        run.fact(new ServedChain(host, port, o.status(), o.reason(),
                r.problems(), o.detail(TlsChainProbe.LEAF_SUBJECT),
                o.detail(TlsChainProbe.LEAF_ISSUER), o.detail(TlsChainProbe.TOP_ISSUER), issuers, notBefore, notAfter,
                r.leaf().map(CertificateInfo::sha256).orElse(""), checkedAt(o), LogTime.UNKNOWN, "", source(ProbeFamily.TLS, text)));
    }

    private static Instant checkedAt(ProbeOutcome<TlsReason> o) {
        String at = o.detail(TlsChainProbe.CHECKED_AT);
        return at.isEmpty() ? null : Instant.parse(at);
    }

    private static void revocationOfLeaf(Run run, RevocationProbe probe, String host, TlsChainResult r) {
        if (r.verifiedPath().isEmpty() || r.leafCertificate().isEmpty()) {
            return; // only a genuine chain's revocation matters; an interceptor's is its own business
        }
        X509Certificate leaf = r.leafCertificate().get();
        if (run.revocationChecked.putIfAbsent(CertificateInfo.of(leaf).sha256(), Boolean.TRUE) != null) {
            return; // another host served the same leaf
        }
        X509Certificate issuer = r.leafIssuerCertificate().orElse(null);
        if (issuer == null) {
            run.skip(ProbeFamily.REVOCATION, host, "the served chain does not include the leaf's issuer");
            return;
        }
        for (RevocationKind kind : List.of(RevocationKind.CRL, RevocationKind.OCSP)) {
            Deadline d = run.probeDeadline();
            if (run.overall.expired()) {
                run.lose(ProbeFamily.REVOCATION, host + " " + kind, "the overall probe deadline passed");
                continue;
            }
            ProbeOutcome<RevocationReason> o = kind == RevocationKind.CRL ? probe.crl(leaf, issuer, d) : probe.ocsp(leaf, issuer, d);
            if (o.reason() == RevocationReason.NO_URL) {
                run.skip(ProbeFamily.REVOCATION, host + " " + kind, "the leaf served by " + host + " names no HTTP " + kind.name()
                        + " location");
                continue;
            }
            String url = o.detail(RevocationProbe.URL);
            String err = o.detail(RevocationProbe.ERROR);
            run.fact(new RevocationCheck(kind, url, hostOf(url), o.status(), o.reason(),
                    LogTime.UNKNOWN, "", source(ProbeFamily.REVOCATION, kind.name() + " " + url + " for the leaf served by " + host
                            + ": " + o.reason().name() + (err.isEmpty() ? "" : " (" + err + ")"))));
        }
    }

    private static void plainGet(Run run, HttpFetch http, ProbeCatalog.Endpoint e) {
        URI url = URI.create(e.url());
        RevocationReason reason;
        String text;
        try {
            HttpFetch.Answer a = http.get(url, "*/*", run.probeDeadline());
            reason = RevocationReason.REACHABLE;
            text = "HTTP GET " + e.url() + ": answered " + a.status();
        } catch (HttpFetch.Failure f) {
            reason = f.reason();
            text = "HTTP GET " + e.url() + ": " + reason.name() + " (" + f.getMessage() + ")";
        }
        run.fact(new RevocationCheck(RevocationKind.HTTP, e.url(), e.host(), reason.status(), reason, LogTime.UNKNOWN, "",
                source(ProbeFamily.REVOCATION, text)));
    }

    private static void urlFacts(Run run, ProbeCatalog.Endpoint e, ProbeOutcome<UrlReason> o, boolean viaProxy) {
        int http = o.detail(UrlProbe.HTTP_STATUS).isEmpty() ? 0 : Integer.parseInt(o.detail(UrlProbe.HTTP_STATUS));
        String text = "HTTPS GET " + e.url() + " (" + e.service() + (viaProxy ? ", through the proxy" : "") + "): "
                + o.reason().name() + (http > 0 ? " " + http : "")
                + (o.detail(UrlProbe.SERVER).isEmpty() ? "" : ", Server: " + o.detail(UrlProbe.SERVER))
                + (o.detail(UrlProbe.VIA).isEmpty() ? "" : ", Via: " + o.detail(UrlProbe.VIA))
                + (o.detail(UrlProbe.ERROR).isEmpty() ? "" : " (" + o.detail(UrlProbe.ERROR) + ")");
        run.fact(new UrlCheck(e.service(), e.url(), e.host(), o.status(), o.reason(), http,
                o.detail(UrlProbe.SERVER), o.detail(UrlProbe.VIA), LogTime.UNKNOWN, "", source(ProbeFamily.HTTPS, text)));
    }

    private static void clockFact(Run run, String url, ClockReading r) {
        ProbeOutcome<ClockReason> o = r.outcome();
        if (o.status() == ProbeStatus.NOT_RUN) {
            return;
        }
        long offset = r.offset().toSeconds();
        run.fact(new ClockCheck(url, offset, o.status(), r.serverTime(), r.localTime(), LogTime.UNKNOWN, "",
                source(ProbeFamily.CLOCK, "Date of " + url + ": " + r.serverTime() + "; local clock " + r.localTime() + " ("
                        + (offset >= 0 ? "+" : "") + offset + " s, " + o.reason().name() + ")")));
    }

    private static void proxyFacts(Run run, ProxyDiscovery.Found p, ProxyAuthResult r) {
        ProbeOutcome<ProxyReason> o = r.outcome();
        String text = o.detail(ProxyAuthProbe.REQUEST) + " through " + p.proxy() + " (" + p.origin() + "): " + o.reason().name()
                + (r.httpStatus() > 0 ? " " + r.httpStatus() : "")
                + (r.schemes().isEmpty() ? "" : ", Proxy-Authenticate: " + String.join(", ", r.schemes()));
        Source src = source(ProbeFamily.PROXY, text);
        run.fact(new ProxyCheck(p.proxy(), p.origin(), o.status(), o.reason(), r.httpStatus(),
                r.schemes(), LogTime.UNKNOWN, "", src));
        if (o.reason() == ProxyReason.AUTH_REQUIRED) {
            run.fact(new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, r.schemes(), p.proxy(), LogTime.UNKNOWN, "", src));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static Source source(ProbeFamily family, String text) {
        return new Source("probe:" + family, 0, text);
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
