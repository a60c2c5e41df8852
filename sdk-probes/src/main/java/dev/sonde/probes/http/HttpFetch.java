package dev.sonde.probes.http;

import static dev.sonde.probes.http.HttpErrors.has;

import dev.sonde.facts.RevocationReason;
import dev.sonde.probes.Deadline;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Small bounded HTTP/1.1 exchanges for revocation data: no redirects followed, no credentials,
 * at most {@code maxBody} bytes read, and the whole exchange (connect, headers, body) abandoned at
 * the deadline.
 */
public final class HttpFetch {

    /** An answer with its status, body and the headers probes report. */
    public record Answer(int status, byte[] body, String contentType, String location) {
    }

    /** No usable answer: why, in revocation terms. */
    public static final class Failure extends Exception {
        private final RevocationReason reason;

        Failure(RevocationReason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public RevocationReason reason() {
            return reason;
        }
    }

    private static final String USER_AGENT = "Sonde-probe";

    private final HttpClient client;
    private final long maxBody;

    public HttpFetch(ProxySelector proxy, long maxBody) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(proxy)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.maxBody = maxBody;
    }

    public Answer get(URI url, String accept, Deadline deadline) throws Failure {
        return send(request(url, deadline).header("Accept", accept).GET().build(), deadline);
    }

    public Answer post(URI url, String contentType, byte[] body, String accept, Deadline deadline) throws Failure {
        return send(request(url, deadline).header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), deadline);
    }

    private static HttpRequest.Builder request(URI url, Deadline deadline) throws Failure {
        if (deadline.expired()) {
            throw new Failure(RevocationReason.TIMED_OUT, "no time left", null);
        }
        return HttpRequest.newBuilder(url).timeout(Duration.ofMillis(deadline.remainingMillisAtLeastOne()))
                .header("User-Agent", USER_AGENT);
    }

    private Answer send(HttpRequest request, Deadline deadline) throws Failure {
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, BoundedBody.handler(maxBody));
        try {
            HttpResponse<byte[]> r = pending.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""),
                    r.headers().firstValue("location").orElse(""));
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new Failure(RevocationReason.TIMED_OUT, "no answer in time", e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failure(RevocationReason.TIMED_OUT, "interrupted", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause() == null ? e : e.getCause(), deadline);
        }
    }

    private static Failure classify(Throwable t, Deadline deadline) {
        String text = HttpErrors.describe(t);
        if (has(t, BoundedBody.TooLarge.class)) {
            return new Failure(RevocationReason.BAD_RESPONSE, "body too large", t);
        }
        if (has(t, HttpTimeoutException.class)) { // includes HttpConnectTimeoutException
            return new Failure(RevocationReason.TIMED_OUT, text, t);
        }
        if (has(t, ConnectException.class) || has(t, UnknownHostException.class) || has(t, UnresolvedAddressException.class)) {
            return new Failure(RevocationReason.UNREACHABLE, text, t);
        }
        if (deadline.expired()) {
            return new Failure(RevocationReason.TIMED_OUT, text, t);
        }
        // reset or closed mid-answer, malformed HTTP: the server was reached but gave nothing usable
        return new Failure(RevocationReason.BAD_RESPONSE, text, t);
    }
}
