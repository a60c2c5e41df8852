package dev.sonde.testsupport.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTPS server (JDK {@code HttpsServer}) presenting a chosen chain, answering every
 * request with a configurable status, headers and body after an optional delay. The JDK server
 * stamps its own {@code Date} header (the real time). Binds 127.0.0.1 on a free port; requests run
 * on their own threads, so delayed answers overlap. Closed by {@link #close()}.
 */
public final class TlsTestServer implements AutoCloseable {

    /** What the server answers. */
    public record Response(int status, Map<String, String> headers, String body, Duration delay) {
        public Response {
            headers = Map.copyOf(headers);
        }

        /** 200 with a short text body, at once. */
        public static Response ok() {
            return new Response(200, Map.of("Content-Type", "text/plain"), "ok", Duration.ZERO);
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Response response = Response.ok();

    private TlsTestServer(TestPki.Issued leaf) throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.setHttpsConfigurator(new HttpsConfigurator(TestPki.serverContext(leaf)));
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tls-test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server presenting {@code leaf}'s chain. */
    public static TlsTestServer start(TestPki.Issued leaf) {
        try {
            return new TlsTestServer(leaf);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the TLS server", e);
        }
    }

    /** Answers every following request with {@code next}. */
    public TlsTestServer respond(Response next) {
        this.response = next;
        return this;
    }

    /** Answers every following request with {@code status}, {@code headers} and {@code body}, at once. */
    public TlsTestServer respond(int status, Map<String, String> headers, String body) {
        return respond(new Response(status, headers, body, Duration.ZERO));
    }

    /** Delays every following answer by {@code delay}. */
    public TlsTestServer delay(Duration delay) {
        Response r = response;
        return respond(new Response(r.status(), r.headers(), r.body(), delay));
    }

    /** The port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code https://localhost:<port>/}. */
    public URI uri() {
        return URI.create("https://localhost:" + port() + "/");
    }

    /** HTTP requests answered or being answered (a bare handshake is not one). */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        Response r = response;
        try (ex; InputStream in = ex.getRequestBody()) {
            in.readNBytes(64 * 1024);
            if (!r.delay().isZero()) {
                try {
                    Thread.sleep(r.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Map<String, String> headers = new LinkedHashMap<>(r.headers());
            headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            // a HEAD answer has no body: -1, or the JDK server warns on the console for every HEAD
            byte[] body = "HEAD".equals(ex.getRequestMethod()) ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "TlsTestServer[127.0.0.1:" + port() + "]";
    }
}
