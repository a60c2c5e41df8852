package dev.sonde.probes.run;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.RevocationKind;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyOrigin;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServerAnswer;
import dev.sonde.facts.TcpReason;
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
import dev.sonde.probes.proxy.ProxyDiscovery;
import dev.sonde.probes.revocation.RevocationProbe;
import dev.sonde.probes.tcp.TcpProbe;
import dev.sonde.probes.tls.CertificateInfo;
import dev.sonde.probes.tls.TlsChainProbe;
import dev.sonde.probes.tls.TlsChainResult;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of one catalog, the way the troubleshooting article orders them, started on a {@link ProbeRun}.
 *
 * <p>Per catalog host: DNS → TCP to each of its ports → for https ports, the served chain captured and verified
 * against the catalog's anchors and each allow-listed URL requested (whose {@code Date} also measures the clock)
 * → for a trusted chain, its leaf's CRL and OCSP; for http (revocation) URLs, a plain GET. Each proxy found gets
 * a {@code CONNECT} without credentials. A check whose prerequisite failed is skipped, saying which one.
 */
final class ProbePlan {

    private static final Logger LOG = LoggerFactory.getLogger(ProbePlan.class);

    private final ProbeRun run;
    private final HostResolver resolver;
    private final List<ProxyDiscovery.Found> proxies;
    /** The machine's configuration's proxies, already facts of their own (settings, auto-config routes). */
    private final List<ProxyDiscovery.Found> configured;
    private final URI sample;
    private final UrlProbe urls;
    private final TlsChainProbe tls;
    private final RevocationProbe revocation;
    private final HttpFetch plain;
    private final ClockProbe clock;

    private ProbePlan(ProbeCatalog catalog, ProbeRun run, HostResolver resolver, List<ProxyDiscovery.Found> configured) {
        ProbeOptions options = run.options;
        this.run = run;
        this.resolver = resolver;
        this.configured = List.copyOf(configured);
        List<X509Certificate> anchors = anchors(catalog);
        this.sample = catalog.endpoints().stream().filter(ProbeCatalog.Endpoint::https).findFirst()
                .map(e -> URI.create(e.url())).orElse(URI.create("https://www.google.com/"));
        this.proxies = withConfigured(ProxyDiscovery.discover(options.proxies(), options.winHttpProxyText(),
                options.discoverSystemProxies(), System::getenv, System::getProperty, sample), configured);
        // URL requests go through the first proxy found, as the client's would; everything else goes direct
        ProxySelector urlRoute = proxies.isEmpty() ? HttpClient.Builder.NO_PROXY
                : ProxySelector.of(InetSocketAddress.createUnresolved(proxies.get(0).host(), proxies.get(0).port()));
        this.urls = anchors.isEmpty() ? null : new UrlProbe(anchors, urlRoute, options.clock(), options.probeTimeout());
        this.tls = anchors.isEmpty() ? null : new TlsChainProbe(anchors, options.clock(), resolver);
        this.revocation = new RevocationProbe(options.clock(), HttpClient.Builder.NO_PROXY, RevocationProbe.DEFAULT_MAX_BODY_BYTES);
        this.plain = new HttpFetch(HttpClient.Builder.NO_PROXY, 64 * 1024);
        this.clock = new ClockProbe(options.clock(), options.clockTolerance());
    }

    /**
     * Starts every check of {@code catalog} on {@code run}; {@code configured} are the proxies the machine's own
     * configuration names (Internet Settings, auto-config script: {@link dev.sonde.probes.host.HostProbe}), checked
     * with the others and reported with where they were found.
     */
    static void start(ProbeCatalog catalog, ProbeRun run, HostResolver resolver, List<ProxyDiscovery.Found> configured) {
        new ProbePlan(catalog, run, resolver, configured).start(catalog);
    }

    /**
     * The proxies to check, each once: those the caller gives first (the URL requests take the first), then the
     * machine's configuration's, then the rest discovered, each with the first place it was found.
     */
    private static List<ProxyDiscovery.Found> withConfigured(List<ProxyDiscovery.Found> discovered,
            List<ProxyDiscovery.Found> configured) {
        Map<String, ProxyDiscovery.Found> out = new LinkedHashMap<>();
        discovered.stream().filter(f -> f.origin() == ProxyOrigin.GIVEN).forEach(f -> out.putIfAbsent(f.proxy(), f));
        configured.forEach(f -> out.putIfAbsent(f.proxy(), f));
        discovered.forEach(f -> out.putIfAbsent(f.proxy(), f));
        return List.copyOf(out.values());
    }

    private void start(ProbeCatalog catalog) {
        for (ProxyDiscovery.Found p : proxies) {
            if (!configured.contains(p)) {
                run.fact(ResultFacts.proxySetting(p));
            }
            String targetHost = sample.getHost();
            int targetPort = sample.getPort() > 0 ? sample.getPort() : 443;
            run.submit(ProbeFamily.PROXY, p.proxy(), () -> {
                ResultFacts.proxy(p, new ProxyAuthProbe().connect(p.host(), p.port(), targetHost, targetPort, run.probeDeadline()))
                        .forEach(run::fact);
                return true;
            });
        }
        Map<String, List<ProbeCatalog.Endpoint>> byHost = new LinkedHashMap<>();
        for (ProbeCatalog.Endpoint e : catalog.endpoints()) {
            byHost.computeIfAbsent(e.host(), h -> new ArrayList<>()).add(e);
        }
        List<CompletableFuture<Boolean>> clockReadings = Collections.synchronizedList(new ArrayList<>());
        for (Map.Entry<String, List<ProbeCatalog.Endpoint>> entry : byHost.entrySet()) {
            String host = entry.getKey();
            CompletableFuture<List<InetAddress>> dns = run.submit(ProbeFamily.DNS, host, () -> dns(host));
            Map<Integer, List<ProbeCatalog.Endpoint>> byPort = new TreeMap<>();
            entry.getValue().forEach(e -> byPort.computeIfAbsent(e.port(), p -> new ArrayList<>()).add(e));
            for (Map.Entry<Integer, List<ProbeCatalog.Endpoint>> pe : byPort.entrySet()) {
                port(host, pe.getKey(), pe.getValue(), dns, clockReadings);
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
        run.await(ProbeFamily.CLOCK, "Date headers", clockDone);
    }

    /** The checks of one port of a host: TCP, then the chain, the URLs and the plain GETs that need it. */
    private void port(String host, int port, List<ProbeCatalog.Endpoint> here, CompletableFuture<List<InetAddress>> dns,
            List<CompletableFuture<Boolean>> clockReadings) {
        String target = IpLiterals.hostPort(host, port);
        CompletableFuture<Boolean> tcp = run.then(dns, ProbeFamily.TCP, target, addresses -> {
            if (addresses == null || addresses.isEmpty()) {
                run.skip(ProbeFamily.TCP, target, "the host name " + host + " did not resolve");
                return false;
            }
            return tcp(host, port, here, addresses);
        });
        if (here.stream().anyMatch(ProbeCatalog.Endpoint::https)) {
            run.then(tcp, ProbeFamily.TLS, target, ok -> {
                if (!Boolean.TRUE.equals(ok)) {
                    run.skip(ProbeFamily.TLS, target, "no TCP connection to " + target);
                    return false;
                }
                if (tls == null) {
                    run.skip(ProbeFamily.TLS, target, "the catalog has no trust anchors");
                    return false;
                }
                TlsChainResult r = tls.probe(host, port, run.probeDeadline());
                ResultFacts.chain(host, port, r).ifPresentOrElse(run::fact, () -> run.skip(ProbeFamily.TLS, r.outcome().target(),
                        "the connection failed: " + r.outcome().detail(TlsChainProbe.TCP)));
                String date = r.outcome().detail(TlsChainProbe.DATE);
                if (!date.isEmpty()) { // the out-of-date server's own clock: the rules weigh it with the others
                    ResultFacts.clock(target, clock.check(target, date, Instant.parse(r.outcome().detail(TlsChainProbe.DATE_READ_AT))))
                            .ifPresent(run::fact);
                }
                revocationOfLeaf(host, port, r);
                return true;
            });
        }
        for (ProbeCatalog.Endpoint e : here) {
            if (e.https()) {
                clockReadings.add(run.then(tcp, ProbeFamily.HTTPS, e.url(), ok -> url(e, target, ok)));
            } else {
                run.then(tcp, ProbeFamily.REVOCATION, e.url(), ok -> {
                    if (!Boolean.TRUE.equals(ok)) {
                        run.skip(ProbeFamily.REVOCATION, e.url(), "no TCP connection to " + target);
                        return false;
                    }
                    plainGet(e);
                    return true;
                });
            }
        }
    }

    private List<InetAddress> dns(String host) {
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
        run.fact(ResultFacts.dns(host, reason, addresses, Elapsed.since(start).toMillis()));
        return found;
    }

    private boolean tcp(String host, int port, List<ProbeCatalog.Endpoint> here, List<InetAddress> addresses) {
        ProbeOutcome<TcpReason> o = new TcpProbe((h, d) -> addresses).probe(host, port, run.probeDeadline());
        List<String> services = here.stream().map(ProbeCatalog.Endpoint::service).distinct().toList();
        String address = o.detail(TcpProbe.ADDRESS);
        if (address.isEmpty()) {
            address = addresses.get(0).getHostAddress();
        }
        run.fact(ResultFacts.port(host, port, services, o, address));
        return o.ok();
    }

    /**
     * An allow-listed URL, and the clock against its {@code Date}: true when the clock was compared with an answer that
     * proves the path to the server ({@link ServerAnswer#provesPath}: 2xx, 3xx, 401, 404). Every answer's {@code Date}
     * is recorded (the rules judge whose it is: a filtering proxy's block page is a third party's clock), but a 403, 451,
     * 511 or 5xx may be a filter's, so it does not spare the warning that no Google {@code Date} was measured.
     */
    private Boolean url(ProbeCatalog.Endpoint e, String target, Boolean tcpOk) {
        if (!Boolean.TRUE.equals(tcpOk)) {
            run.skip(ProbeFamily.HTTPS, e.url(), "no TCP connection to " + target);
            return false;
        }
        if (urls == null) {
            run.skip(ProbeFamily.HTTPS, e.url(), "the catalog has no trust anchors");
            return false;
        }
        ProbeOutcome<UrlReason> r = urls.probe(URI.create(e.url()), run.probeDeadline());
        run.fact(ResultFacts.url(e.service(), e.url(), e.host(), r, proxies.isEmpty() ? "" : proxies.get(0).proxy()));
        String date = r.detail(UrlProbe.DATE);
        if (!date.isEmpty() && r.ok()) {
            ClockReading reading = clock.check(e.url(), date, Instant.parse(r.detail(UrlProbe.RECEIVED_AT)));
            ResultFacts.clock(e.url(), reading).ifPresent(run::fact);
            return reading.outcome().status() != ProbeStatus.NOT_RUN
                    && ServerAnswer.provesPath(Integer.parseInt(r.detail(UrlProbe.HTTP_STATUS)));
        }
        return false;
    }

    private void revocationOfLeaf(String host, int port, TlsChainResult r) {
        if (r.verifiedPath().isEmpty() || r.leafCertificate().isEmpty()) {
            return; // only a genuine chain's revocation matters; an interceptor's is its own business
        }
        X509Certificate leaf = r.leafCertificate().get();
        if (!run.firstRevocationCheckOf(CertificateInfo.of(leaf).sha256())) {
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
            ProbeOutcome<RevocationReason> o = kind == RevocationKind.CRL ? revocation.crl(leaf, issuer, d) : revocation.ocsp(leaf, issuer, d);
            if (o.reason() == RevocationReason.NO_URL) {
                run.skip(ProbeFamily.REVOCATION, host + " " + kind, "the leaf served by " + host + " names no HTTP " + kind.name()
                        + " location");
                continue;
            }
            run.fact(ResultFacts.leafRevocation(kind, host, port, o));
        }
    }

    private void plainGet(ProbeCatalog.Endpoint e) {
        URI url = URI.create(e.url());
        RevocationReason reason;
        String text;
        try {
            HttpFetch.Answer a = plain.get(url, "*/*", run.probeDeadline());
            reason = RevocationReason.REACHABLE;
            text = "HTTP GET " + e.url() + ": answered " + a.status();
        } catch (HttpFetch.Failure f) {
            reason = f.reason();
            text = "HTTP GET " + e.url() + ": " + reason.name() + " (" + f.getMessage() + ")";
        }
        run.fact(ResultFacts.plainGet(e.url(), e.host(), reason, text));
    }

    private static List<X509Certificate> anchors(ProbeCatalog catalog) {
        List<X509Certificate> out = new ArrayList<>();
        for (ProbeCatalog.RootCertificate a : catalog.trustAnchors()) {
            try {
                out.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(a.pem().getBytes(StandardCharsets.US_ASCII))));
            } catch (CertificateException | ClassCastException e) {
                LOG.warn("trust anchor {} cannot be read: {}", a.name(), e.getMessage());
            }
        }
        return out;
    }
}
