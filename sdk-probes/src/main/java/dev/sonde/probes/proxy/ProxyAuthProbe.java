package dev.sonde.probes.proxy;

import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.TcpReason;
import dev.sonde.net.AuthChallenges;
import dev.sonde.net.IpLiterals;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.Elapsed;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.dns.HostResolver;
import dev.sonde.probes.http.HeaderText;
import dev.sonde.probes.http.HttpHead;
import dev.sonde.probes.tcp.Connections;
import dev.sonde.probes.tcp.TcpProbe;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an HTTP proxy to reach a host, without credentials, and reports whether it wants some: a
 * {@code 407 Proxy Authentication Required} answer means an authenticated proxy, which GWSMO
 * cannot use; its {@code Proxy-Authenticate} headers name the schemes (Basic, Digest, NTLM,
 * Negotiate). Only the answer's head is read; a tunnel the proxy opens is closed at once without
 * sending anything through it. No {@code Proxy-Authorization} is ever sent.
 *
 * <p>Detail keys: {@value #PROXY}, {@value #REQUEST} ({@code CONNECT host:443} or
 * {@code GET http://...}), {@value #HTTP_STATUS}, {@value #SCHEMES} (joined with {@code ", "}),
 * {@value #PROXY_AUTHENTICATE} (the raw challenges, joined with {@code " | "}), {@value #SERVER} and
 * {@value #VIA} (of any answer, cleaned by {@link HeaderText}: a filter names itself there), {@value #TCP},
 * {@value #ERROR}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProxyAuthProbe {

    /** Detail key: the proxy, {@code host:port}. */
    public static final String PROXY = "proxy";
    /** Detail key: the request line sent. */
    public static final String REQUEST = "request";
    /** Detail key: the proxy's HTTP status. */
    public static final String HTTP_STATUS = "httpStatus";
    /** Detail key: the schemes offered, joined with {@code ", "}. */
    public static final String SCHEMES = "schemes";
    /** Detail key: the raw {@code Proxy-Authenticate} values, each clipped, joined with {@code " | "}. */
    public static final String PROXY_AUTHENTICATE = "proxyAuthenticate";
    /** Detail key: the proxy's {@code Server} header. */
    public static final String SERVER = "server";
    /** Detail key: the proxy's {@code Via} header. */
    public static final String VIA = "via";
    /** Detail key: the {@link TcpReason} when the proxy could not be reached. */
    public static final String TCP = "tcp";
    /** Detail key: what went wrong. */
    public static final String ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyAuthProbe.class);
    private static final String USER_AGENT = "Sonde-probe";
    private static final int MAX_CHALLENGE_CHARS = 200;

    private final HostResolver resolver;

    /** A probe using the JVM's resolver. */
    public ProxyAuthProbe() {
        this(HostResolver.system());
    }

    /** A probe resolving the proxy's name with {@code resolver}. */
    public ProxyAuthProbe(HostResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Sends {@code CONNECT targetHost:targetPort} to the proxy (what an HTTPS client does first). */
    public ProxyAuthResult connect(String proxyHost, int proxyPort, String targetHost, int targetPort, Deadline deadline) {
        TcpProbe.checkPort(targetPort);
        String authority = IpLiterals.hostPort(targetHost, targetPort);
        String request = "CONNECT " + authority + " HTTP/1.1\r\n"
                + "Host: " + authority + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Proxy-Connection: close\r\n"
                + "\r\n";
        return exchange(proxyHost, proxyPort, "CONNECT " + authority, request, deadline);
    }

    /** Sends {@code GET url} to the proxy (what a plain-HTTP client does, e.g. for a CRL). */
    public ProxyAuthResult get(String proxyHost, int proxyPort, URI url, Deadline deadline) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("only absolute http:// URLs go through a proxy as GET: " + url);
        }
        String host = url.getPort() < 0 ? url.getHost() : IpLiterals.hostPort(url.getHost(), url.getPort());
        String request = "GET " + url.toASCIIString() + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + USER_AGENT + "\r\n"
                + "Connection: close\r\n"
                + "\r\n";
        return exchange(proxyHost, proxyPort, "GET " + url.toASCIIString(), request, deadline);
    }

    private ProxyAuthResult exchange(String proxyHost, int proxyPort, String requestLine, String request, Deadline deadline) {
        TcpProbe.checkPort(proxyPort);
        long start = System.nanoTime();
        String target = IpLiterals.hostPort(proxyHost, proxyPort);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put(PROXY, target);
        detail.put(REQUEST, requestLine);

        Socket socket;
        try {
            socket = Connections.open(resolver, proxyHost, proxyPort, deadline);
        } catch (Connections.ConnectFailure f) {
            detail.put(TCP, f.reason().name());
            detail.put(ERROR, f.attempts());
            ProxyReason reason = f.reason() == TcpReason.DNS_FAILED ? ProxyReason.DNS_FAILED : ProxyReason.PROXY_UNREACHABLE;
            return done(reason, target, detail, start, 0, List.of());
        }

        Deadline.Guard guard = deadline.closeAtExpiry(socket);
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoTimeout(deadline.remainingMillisAtLeastOne());
            HttpHead head = HttpHead.read(new BufferedInputStream(socket.getInputStream()));
            return judge(head, target, detail, start);
        } catch (HttpHead.Malformed e) {
            detail.put(ERROR, e.getMessage());
            return done(ProxyReason.BAD_RESPONSE, target, detail, start, 0, List.of());
        } catch (EOFException e) {
            detail.put(ERROR, e.getMessage());
            return done(deadline.expired() ? ProxyReason.TIMED_OUT : ProxyReason.BAD_RESPONSE, target, detail, start, 0, List.of());
        } catch (IOException e) {
            detail.put(ERROR, String.valueOf(e));
            boolean timedOut = e instanceof SocketTimeoutException || deadline.expired();
            return done(timedOut ? ProxyReason.TIMED_OUT : ProxyReason.BAD_RESPONSE, target, detail, start, 0, List.of());
        } finally {
            guard.close();
        }
    }

    private static ProxyAuthResult judge(HttpHead head, String target, Map<String, String> detail, long start) {
        detail.put(HTTP_STATUS, Integer.toString(head.status()));
        // a filter often names itself here (ProxySG, squid/5.7): kept for the rules to name it, cleaned as input
        putIfPresent(detail, SERVER, HeaderText.clean(head.first("Server")));
        putIfPresent(detail, VIA, HeaderText.clean(head.first("Via")));
        if (head.status() == 407) {
            List<String> challenges = head.values("Proxy-Authenticate");
            List<String> schemes = AuthChallenges.schemes(challenges);
            detail.put(SCHEMES, String.join(", ", schemes));
            detail.put(PROXY_AUTHENTICATE, String.join(" | ",
                    challenges.stream().map(c -> c.length() > MAX_CHALLENGE_CHARS ? c.substring(0, MAX_CHALLENGE_CHARS) + "…" : c).toList()));
            return done(ProxyReason.AUTH_REQUIRED, target, detail, start, head.status(), schemes);
        }
        ProxyReason reason = head.status() >= 200 && head.status() < 400 ? ProxyReason.OPEN : ProxyReason.DENIED;
        return done(reason, target, detail, start, head.status(), List.of());
    }

    private static void putIfPresent(Map<String, String> detail, String key, String value) {
        if (!value.isEmpty()) {
            detail.put(key, value);
        }
    }

    private static ProxyAuthResult done(ProxyReason reason, String target, Map<String, String> detail, long start, int status,
                                        List<String> schemes) {
        ProxyAuthResult result = new ProxyAuthResult(ProbeOutcome.of(reason, target, detail, Elapsed.since(start)), status, schemes);
        LOG.debug("proxy probe {}", result.outcome());
        return result;
    }
}
