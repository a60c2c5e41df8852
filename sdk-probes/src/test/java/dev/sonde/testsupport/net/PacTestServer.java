package dev.sonde.testsupport.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP server on 127.0.0.1 serving proxy auto-config scripts, as an intranet server serves
 * {@code http://wpad/proxy.pac}: {@link #serve} a path with a script (answered 200,
 * {@code application/x-ns-proxy-autoconfig}), {@link #redirect} a path to another, {@link #status} a path
 * with a bare status; any other path gets 404. Closed by {@link #close()}.
 */
public final class PacTestServer implements AutoCloseable {

    private record Answer(int status, byte[] body, String location) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "pac-test-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    public PacTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the PAC server", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Serves {@code script} (UTF-8) at {@code path}; returns the script's URL. */
    public String serve(String path, String script) {
        return serve(path, script.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves {@code bytes} at {@code path}; returns the URL. */
    public String serve(String path, byte[] bytes) {
        answers.put(path, new Answer(200, bytes, null));
        return url(path);
    }

    /** Answers {@code path} with a 302 to {@code target} (a path on this server, or a URL). */
    public String redirect(String path, String target) {
        answers.put(path, new Answer(302, new byte[0], target.startsWith("/") ? url(target) : target));
        return url(path);
    }

    /** Answers {@code path} with {@code status} and no body. */
    public String status(String path, int status) {
        answers.put(path, new Answer(status, new byte[0], null));
        return url(path);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Answer a = answers.getOrDefault(ex.getRequestURI().getPath(), new Answer(404, new byte[0], null));
            if (a.location() != null) {
                ex.getResponseHeaders().add("Location", a.location());
            }
            ex.getResponseHeaders().add("Content-Type", "application/x-ns-proxy-autoconfig");
            ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            if (a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
