package dev.sonde.probes.http;

import static dev.sonde.probes.http.HttpErrors.has;

import dev.sonde.facts.UrlReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.Elapsed;
import dev.sonde.probes.NotTls;
import dev.sonde.probes.ProbeOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests one allow-listed URL over HTTPS with the JDK {@link HttpClient}, trusting only the given
 * anchors (full PKIX and host-name verification, never switched off), sending no credentials,
 * following no redirect and reading at most {@value #MAX_BODY_BYTES} bytes of the body. Any HTTP answer is
 * {@link UrlReason#ANSWERED}, with its status, {@code Server} and {@code Via}: whether it is Google's or a filtering
 * proxy's block page is the rule pack's to judge ({@code google-answers.json}, {@code allowlist.drl}). A 407, a
 * proxy refusing the tunnel, a chain the anchors refuse, an answer that is not TLS ({@link UrlReason#BAD_RESPONSE},
 * never {@code UNTRUSTED}), a reset or a timeout is a problem.
 *
 * <p>Detail keys: {@value #HTTP_STATUS}, {@value #SERVER}, {@value #VIA}, {@value #DATE},
 * {@value #RECEIVED_AT} (the clock's time when the head arrived), {@value #ERROR}.
 *
 * <p>Thread-safe; holds one {@code HttpClient}, so share an instance for a run.
 */
public final class UrlProbe {

    /** Most body bytes read. */
    public static final int MAX_BODY_BYTES = 8 * 1024;
    /** Detail key: the HTTP status. */
    public static final String HTTP_STATUS = "httpStatus";
    /** Detail key: the {@code Server} header. */
    public static final String SERVER = "server";
    /** Detail key: the {@code Via} header. */
    public static final String VIA = "via";
    /** Detail key: the {@code Date} header. */
    public static final String DATE = "date";
    /** Detail key: the injected clock's time when the answer's head arrived (ISO-8601). */
    public static final String RECEIVED_AT = "receivedAt";
    /** Detail key: what went wrong. */
    public static final String ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(UrlProbe.class);

    /**
     * The statuses a proxy refusing the tunnel (CONNECT) blocks with: its block page, reported {@code FILTERED}; any
     * other refusal (502, 503) is a failure. The JDK hands over the status only, never the refusal's headers, and a
     * refused tunnel never reached Google, so this needs none of the rules' judgement of answers.
     */
    private static final java.util.Set<Integer> TUNNEL_BLOCKS = java.util.Set.of(403, 451, 511);

    /** What the JDK's client says when a proxy answers CONNECT with anything but 200. */
    private static final Pattern TUNNEL_REFUSED = Pattern.compile("(?i)tunnel failed, got: (\\d{3})");

    private final HttpClient client;
    private final Clock clock;
    private final ProxySelector proxy;

    /**
     * A probe trusting only {@code anchors}, connecting as {@code proxy} decides
     * ({@code HttpClient.Builder.NO_PROXY} for direct), stamping answers with {@code clock}'s time.
     */
    public UrlProbe(Collection<X509Certificate> anchors, ProxySelector proxy, Clock clock, Duration connectTimeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        this.client = HttpClient.newBuilder()
                .sslContext(context(anchors))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(Objects.requireNonNull(proxy, "proxy"))
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static SSLContext context(Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trust anchor is needed");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate a : anchors) {
                store.setCertificateEntry("anchor-" + i++, a);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context from the trust anchors", e);
        }
    }

    /** Requests {@code url}, giving up at {@code deadline}. */
    public ProbeOutcome<UrlReason> probe(URI url, Deadline deadline) {
        long start = System.nanoTime();
        Map<String, String> detail = new LinkedHashMap<>();
        UrlReason reason;
        if (deadline.expired()) {
            detail.put(ERROR, "no time left");
            return done(UrlReason.TIMED_OUT, url, detail, start);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofMillis(deadline.remainingMillisAtLeastOne()))
                .header("User-Agent", "Sonde-probe")
                .GET().build();
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> r = pending.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            Instant receivedAt = clock.instant();
            if (r.body() != null) { // a proxy's 407 to CONNECT comes without a body stream
                try (InputStream body = r.body()) {
                    body.readNBytes(MAX_BODY_BYTES); // bounded: the rest is abandoned when the stream closes
                } catch (IOException ignored) {
                    // the head is what matters
                }
            }
            int status = r.statusCode();
            String server = HeaderText.clean(r.headers().firstValue("server").orElse(""));
            String via = HeaderText.clean(r.headers().firstValue("via").orElse(""));
            detail.put(HTTP_STATUS, Integer.toString(status));
            put(detail, SERVER, server);
            put(detail, VIA, via);
            put(detail, DATE, r.headers().firstValue("date").orElse(""));
            detail.put(RECEIVED_AT, receivedAt.toString());
            reason = classify(status);
        } catch (TimeoutException e) {
            pending.cancel(true);
            detail.put(ERROR, "no answer in time");
            reason = UrlReason.TIMED_OUT;
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            detail.put(ERROR, "interrupted");
            reason = UrlReason.TIMED_OUT;
        } catch (ExecutionException e) {
            Throwable t = e.getCause() == null ? e : e.getCause();
            detail.put(ERROR, HttpErrors.describe(t));
            Matcher tunnel = TUNNEL_REFUSED.matcher(messages(t));
            if (tunnel.find()) { // the proxy refused to open the tunnel: its status is the answer
                int status = Integer.parseInt(tunnel.group(1));
                detail.put(HTTP_STATUS, Integer.toString(status));
                put(detail, VIA, proxyOf(url));
                reason = status == 407 ? UrlReason.PROXY_AUTH_REQUIRED
                        : TUNNEL_BLOCKS.contains(status) ? UrlReason.FILTERED : UrlReason.FAILED; // never Google's answer
            } else {
                reason = classify(t, deadline);
            }
        }
        return done(reason, url, detail, start);
    }

    /** The proxy the client uses for {@code url} ({@code host:port}), or {@code ""} when it goes direct. */
    private String proxyOf(URI url) {
        try {
            for (java.net.Proxy p : proxy.select(url)) {
                if (p.type() != java.net.Proxy.Type.DIRECT && p.address() instanceof java.net.InetSocketAddress a) {
                    return a.getHostString() + ":" + a.getPort();
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("no proxy known for {}: {}", url, e.toString());
        }
        return "";
    }

    /** An HTTP answer: the proxy in the way asked for credentials (407), or someone answered. */
    static UrlReason classify(int status) {
        return status == 407 ? UrlReason.PROXY_AUTH_REQUIRED : UrlReason.ANSWERED;
    }

    private static UrlReason classify(Throwable t, Deadline deadline) {
        String text = String.valueOf(messages(t)).toLowerCase(Locale.ROOT);
        if (text.contains("407")) {
            return UrlReason.PROXY_AUTH_REQUIRED;
        }
        if (NotTls.answered(t)) { // no chain came: nothing says the certificate was refused
            return UrlReason.BAD_RESPONSE;
        }
        if (has(t, SSLException.class) || has(t, java.security.cert.CertificateException.class)) {
            return text.contains("reset") ? UrlReason.RESET : UrlReason.UNTRUSTED;
        }
        if (has(t, HttpConnectTimeoutException.class) || has(t, HttpTimeoutException.class)) {
            return UrlReason.TIMED_OUT;
        }
        if (has(t, ConnectException.class)) {
            return deadline.expired() ? UrlReason.TIMED_OUT : UrlReason.REFUSED;
        }
        if (text.contains("reset")) {
            return UrlReason.RESET;
        }
        return deadline.expired() ? UrlReason.TIMED_OUT : UrlReason.FAILED;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" / ");
        }
        return sb.toString();
    }

    private static void put(Map<String, String> detail, String key, String value) {
        if (!value.isEmpty()) {
            detail.put(key, value.length() > 200 ? value.substring(0, 200) + "…" : value);
        }
    }

    private static ProbeOutcome<UrlReason> done(UrlReason reason, URI url, Map<String, String> detail, long start) {
        ProbeOutcome<UrlReason> outcome = ProbeOutcome.of(reason, url.toString(), detail, Elapsed.since(start));
        LOG.debug("url probe {}", outcome);
        return outcome;
    }
}
