package dev.sonde.probes.tls;

import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsReason;
import dev.sonde.net.IpLiterals;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.Elapsed;
import dev.sonde.probes.NotTls;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.probes.http.HttpHead;
import dev.sonde.probes.tcp.Connections;
import dev.sonde.probes.tcp.TcpProbe;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to a TLS server, captures the chain it presents <em>without trusting it</em>, then
 * judges that chain itself: PKIX against the given trust anchors only (never the JVM's or the
 * system's store, never by reading names), validity at the injected {@link Clock}'s time, and the
 * server name against the leaf (SAN dNSName / iPAddress, RFC 6125 wildcards). The handshake is
 * all that happens, with one exception: when the leaf is outside its validity at the clock's time, one
 * {@code HEAD /} without credentials is sent on the same connection to read the server's {@code Date}
 * ({@value #DATE}, {@value #DATE_READ_AT}), so the rules can tell an expired certificate from a wrong clock.
 * Why on this connection rather than a second request that does not verify: no second handshake, the same
 * deadline (the socket is closed at expiry) and the head is read within {@code HttpHead}'s 16 KiB bound; the
 * answer is never trusted for anything but its clock.
 *
 * <p>The server name is sent as SNI (unless it is an IP literal). Each call uses a fresh
 * {@link SSLContext}, so a resumed session never hides the chain.
 *
 * <p>Detail keys: {@value #SERVER_NAME}, {@value #ADDRESS}, {@value #PROTOCOL}, {@value #LEAF_SUBJECT},
 * {@value #LEAF_ISSUER} (the leaf's issuer DN), {@value #TOP_ISSUER} (issuer DN of the last presented
 * certificate: the root an interceptor made, typically), {@value #ISSUERS} (every issuer DN, leaf
 * first, joined with {@code " | "}), {@value #NAMES} (the leaf's SANs), {@value #CHECKED_AT},
 * {@code anchor}, {@code pkixError}, {@code invalidCertificate}, {@value #ERROR}, {@value #TCP}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TlsChainProbe {

    /** Detail key: the name sent as SNI and checked against the leaf. */
    public static final String SERVER_NAME = "serverName";
    /** Detail key: the address connected to. */
    public static final String ADDRESS = "address";
    /** Detail key: the negotiated protocol. */
    public static final String PROTOCOL = "protocol";
    /** Detail key: the leaf's subject DN. */
    public static final String LEAF_SUBJECT = "leafSubject";
    /** Detail key: the leaf's issuer DN. */
    public static final String LEAF_ISSUER = "leafIssuer";
    /** Detail key: the issuer DN of the last presented certificate. */
    public static final String TOP_ISSUER = "topIssuer";
    /** Detail key: every issuer DN of the presented chain, leaf first, joined with {@code " | "}. */
    public static final String ISSUERS = "issuers";
    /** Detail key: the leaf's subject alternative names, joined with {@code ", "}. */
    public static final String NAMES = "names";
    /** Detail key: the clock time validity was judged at (ISO-8601). */
    public static final String CHECKED_AT = "checkedAt";
    /** Detail key: the handshake or connection error text. */
    public static final String ERROR = "error";
    /** Detail key: the {@code Date} the server answered a {@code HEAD} with, for a leaf outside its validity. */
    public static final String DATE = "date";
    /** Detail key: the clock's time when that answer's head arrived (ISO-8601). */
    public static final String DATE_READ_AT = "dateReadAt";
    /** Detail key: the {@link TcpReason} when the connection failed. */
    public static final String TCP = "tcp";

    private static final Logger LOG = LoggerFactory.getLogger(TlsChainProbe.class);

    private final ChainVerifier verifier;
    private final Clock clock;
    private final HostResolver resolver;

    /** A probe trusting only {@code trustAnchors}, judging validity at {@code clock}'s time. */
    public TlsChainProbe(Collection<X509Certificate> trustAnchors, Clock clock) {
        this(trustAnchors, clock, HostResolver.system());
    }

    /**
     * A probe trusting only {@code trustAnchors}, judging validity at {@code clock}'s time and
     * resolving names with {@code resolver}.
     *
     * @throws IllegalArgumentException when no trust anchor is given
     */
    public TlsChainProbe(Collection<X509Certificate> trustAnchors, Clock clock, HostResolver resolver) {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        for (X509Certificate c : trustAnchors) {
            anchors.add(new TrustAnchor(Objects.requireNonNull(c, "trust anchor"), null));
        }
        this.verifier = new ChainVerifier(anchors);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Handshakes with {@code host:port}, sending and checking {@code host} as the server name. */
    public TlsChainResult probe(String host, int port, Deadline deadline) {
        return probe(host, port, host, deadline);
    }

    /**
     * Handshakes with {@code host:port}, sending {@code serverName} as SNI and checking the leaf
     * against it (to probe an address for a name, e.g. a loopback server for {@code mail.google.com}).
     */
    public TlsChainResult probe(String host, int port, String serverName, Deadline deadline) {
        TcpProbe.checkPort(port);
        long start = System.nanoTime();
        String target = IpLiterals.hostPort(host, port);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put(SERVER_NAME, serverName);

        Socket raw;
        try {
            raw = Connections.open(resolver, host, port, deadline);
        } catch (Connections.ConnectFailure f) {
            TlsReason reason = f.reason() == TcpReason.DNS_FAILED ? TlsReason.DNS_FAILED : TlsReason.CONNECT_FAILED;
            detail.put(TCP, f.reason().name());
            detail.put(ERROR, f.attempts());
            return finish(noChain(reason, target, detail, start));
        }
        detail.put(ADDRESS, raw.getInetAddress().getHostAddress());

        CapturingTrustManager capture = new CapturingTrustManager();
        String protocol = "";
        String suite = "";
        Exception failure = null;
        Deadline.Guard guard = deadline.closeAtExpiry(raw); // a handshake has no timeout of its own
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {capture}, null);
            SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(raw, serverName, port, true);
            SSLParameters params = ssl.getSSLParameters();
            params.setEndpointIdentificationAlgorithm(null); // the name is judged by HostnameMatcher, after capture
            if (!IpLiterals.isLiteral(serverName)) {
                try {
                    params.setServerNames(List.of(new SNIHostName(serverName)));
                } catch (IllegalArgumentException notSendable) {
                    LOG.debug("server name {} cannot be sent as SNI", serverName);
                }
            }
            ssl.setSSLParameters(params);
            ssl.setSoTimeout(deadline.remainingMillisAtLeastOne());
            ssl.startHandshake();
            SSLSession session = ssl.getSession();
            protocol = session.getProtocol();
            suite = session.getCipherSuite();
            detail.put(PROTOCOL, protocol);
            if (!capture.chain().isEmpty() && outsideValidity(capture.chain().get(0), clock.instant())) {
                readDate(ssl, serverName, detail);
            }
        } catch (IOException | GeneralSecurityException e) {
            failure = e;
        } finally {
            guard.close();
            Deadline.closeQuietly(raw); // no close_notify exchange: nothing was sent, nothing is awaited
        }

        List<X509Certificate> presented = capture.chain();
        if (presented.isEmpty()) {
            boolean timedOut = deadline.expired() || failure instanceof SocketTimeoutException;
            detail.put(ERROR, String.valueOf(failure));
            TlsReason reason = timedOut ? TlsReason.TIMED_OUT
                    : NotTls.answered(failure) ? TlsReason.BAD_RESPONSE : TlsReason.HANDSHAKE_FAILED;
            return finish(noChain(reason, target, detail, start));
        }

        ChainVerifier.Verdict verdict = judge(presented, serverName, detail);
        if (failure != null) {
            detail.put(ERROR, String.valueOf(failure));
        }
        TlsReason reason;
        if (!verdict.problems().isEmpty()) {
            reason = verdict.problems().get(0);
        } else if (failure != null) {
            reason = deadline.expired() ? TlsReason.TIMED_OUT : TlsReason.HANDSHAKE_FAILED;
        } else {
            reason = TlsReason.TRUSTED;
        }
        ProbeOutcome<TlsReason> outcome = ProbeOutcome.of(reason, target, detail, Elapsed.since(start));
        return finish(new TlsChainResult(outcome, presented.stream().map(CertificateInfo::of).toList(), verdict.problems(),
                presented, verdict.path(), protocol, suite));
    }

    /**
     * Judges a chain obtained elsewhere (leaf first) for {@code serverName}, as {@link #probe} would.
     * No network access; the outcome's target is the server name and its elapsed time is zero.
     */
    public TlsChainResult verify(List<X509Certificate> presented, String serverName) {
        if (presented.isEmpty()) {
            throw new IllegalArgumentException("empty chain");
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put(SERVER_NAME, serverName);
        ChainVerifier.Verdict verdict = judge(presented, serverName, detail);
        TlsReason reason = verdict.problems().isEmpty() ? TlsReason.TRUSTED : verdict.problems().get(0);
        return new TlsChainResult(ProbeOutcome.of(reason, serverName, detail, Duration.ZERO),
                presented.stream().map(CertificateInfo::of).toList(), verdict.problems(), presented, verdict.path(), "", "");
    }

    /** Verifies at the clock's time (read once) and records what the chain says about itself. */
    private ChainVerifier.Verdict judge(List<X509Certificate> presented, String serverName, Map<String, String> detail) {
        Instant now = clock.instant();
        ChainVerifier.Verdict verdict = verifier.verify(presented, serverName, now);
        CertificateInfo leaf = CertificateInfo.of(presented.get(0));
        detail.put(LEAF_SUBJECT, leaf.subject());
        detail.put(LEAF_ISSUER, leaf.issuer());
        detail.put(TOP_ISSUER, ChainVerifier.name(presented.get(presented.size() - 1).getIssuerX500Principal()));
        detail.put(ISSUERS, String.join(" | ", ChainVerifier.issuers(presented)));
        List<String> names = new ArrayList<>(leaf.dnsNames());
        names.addAll(leaf.ipAddresses());
        detail.put(NAMES, String.join(", ", names));
        detail.put(CHECKED_AT, now.toString());
        detail.putAll(verdict.detail());
        return verdict;
    }

    private static boolean outsideValidity(X509Certificate leaf, Instant now) {
        return now.isBefore(leaf.getNotBefore().toInstant()) || now.isAfter(leaf.getNotAfter().toInstant());
    }

    /** One {@code HEAD /} on the open connection; the {@code Date} of its answer, when one comes in time. */
    private void readDate(SSLSocket ssl, String serverName, Map<String, String> detail) {
        try {
            String request = "HEAD / HTTP/1.1\r\nHost: " + serverName + "\r\nUser-Agent: Sonde-probe\r\nConnection: close\r\n\r\n";
            ssl.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ssl.getOutputStream().flush();
            String date = HttpHead.read(ssl.getInputStream()).first("date");
            if (!date.isEmpty()) {
                detail.put(DATE, date.length() > 100 ? date.substring(0, 100) : date);
                detail.put(DATE_READ_AT, clock.instant().toString());
            }
        } catch (IOException e) {
            LOG.debug("no Date from {}: {}", serverName, e.toString()); // the chain is what this probe reports
        }
    }

    private static TlsChainResult noChain(TlsReason reason, String target, Map<String, String> detail, long start) {
        return new TlsChainResult(ProbeOutcome.of(reason, target, detail, Elapsed.since(start)), List.of(), List.of(), List.of(),
                List.of(), "", "");
    }

    private static TlsChainResult finish(TlsChainResult result) {
        LOG.debug("tls probe {}", result.outcome());
        return result;
    }
}
