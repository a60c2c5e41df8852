package dev.sonde.cli.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client: started with a fresh
 * profile and {@code --remote-debugging-port=0} (the port it chose is read from {@code DevToolsActivePort}), one
 * page attached in flat session mode, commands sent with a deadline each, events kept for the test to read.
 * {@link #close()} kills the browser and every process it started, and deletes the profile.
 */
public final class Chromium implements AutoCloseable {

    /** Debian's chromium package puts it here. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    private Chromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile and attaches to a new blank page. */
    public static Chromium start() throws Exception {
        Path profile = Files.createTempDirectory("sonde-chromium-");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        Chromium chromium = null;
        try {
            String endpoint = endpoint(profile, process);
            Chromium[] self = new Chromium[1];
            WebSocket socket = HttpClient.newBuilder().connectTimeout(DEADLINE).build().newWebSocketBuilder()
                    .connectTimeout(DEADLINE).buildAsync(URI.create(endpoint), new Listener(self))
                    .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            chromium = new Chromium(process, profile, socket);
            self[0] = chromium;
            String target = chromium.send("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
            chromium.session = chromium.send("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                    .path("sessionId").asText();
            return chromium;
        } finally {
            if (chromium == null) {
                kill(process);
                delete(profile);
            }
        }
    }

    /** The browser's WebSocket address, from the {@code DevToolsActivePort} file it writes once it listens. */
    private static String endpoint(Path profile, Process process) throws Exception {
        Path file = profile.resolve("DevToolsActivePort");
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return "ws://127.0.0.1:" + Integer.parseInt(lines.get(0).trim()) + lines.get(1).trim();
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("chromium did not open its DevTools port within " + DEADLINE.toSeconds()
                + " s (alive: " + process.isAlive() + ")");
    }

    /** Sends a command to the page (or, before a page is attached, to the browser) and waits for its result. */
    public JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** The value of a JavaScript expression evaluated in the page (returned by value). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until an event named {@code method} has arrived, at most the deadline. */
    public JsonNode await(String method) throws Exception {
        long until = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < until) {
            List<JsonNode> seen = events(method);
            if (!seen.isEmpty()) {
                return seen.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no " + method + " within " + DEADLINE.toSeconds() + " s");
    }

    /** The events named {@code method} received so far, in order. */
    public List<JsonNode> events(String method) {
        synchronized (events) {
            return events.stream().filter(e -> method.equals(e.path("method").asText())).toList();
        }
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
        delete(profile);
    }

    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else {
            synchronized (events) {
                events.add(message);
            }
        }
    }

    /** Joins a message's frames (a screenshot comes in many), then hands it to the browser object. */
    private static final class Listener implements WebSocket.Listener {
        private final Chromium[] owner;
        private final StringBuilder text = new StringBuilder();

        Listener(Chromium[] owner) {
            this.owner = owner;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    if (owner[0] != null) {
                        owner[0].received(JSON.readTree(message));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON from chromium: " + message, e);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
