package dev.sonde.testsupport.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP proxy on 127.0.0.1, in one of two modes:
 * <ul>
 *   <li>{@link #requiringAuth}: every request ({@code CONNECT} or plain) gets
 *       {@code 407 Proxy Authentication Required} with one {@code Proxy-Authenticate} header per given
 *       value (e.g. {@code Basic realm="corp"}, {@code Digest realm="corp", nonce="..."},
 *       {@code NTLM}, {@code Negotiate}), then the connection is closed;</li>
 *   <li>{@link #open()}: {@code CONNECT} to a loopback host is tunnelled for real ({@code 200 Connection
 *       Established}, then bytes both ways); {@code CONNECT} anywhere else gets 403, so nothing leaves
 *       the machine; a plain request gets a local {@code 200} (nothing is forwarded).</li>
 * </ul>
 * Every request head received is kept ({@link #requestHeads()}), so tests can check what a client
 * sent (and that it sent no credentials). Answers carry {@code Via: 1.1 sonde-test-proxy}.
 */
public final class ProxyTestServer implements AutoCloseable {

    /** The {@code Via} value every answer carries. */
    public static final String VIA = "1.1 sonde-test-proxy";

    private static final int MAX_HEAD = 16 * 1024;
    private static final int READ_TIMEOUT_MS = 5_000;

    private final ServerSocket listener;
    private final List<String> challenges;
    private final boolean open;
    /** When not 0: every request is answered with this status and a block page (a web filter). */
    private final int refuseStatus;
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ProxyTestServer(List<String> challenges, boolean open) throws IOException {
        this(challenges, open, 0);
    }

    private ProxyTestServer(List<String> challenges, boolean open, int refuseStatus) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.challenges = List.copyOf(challenges);
        this.open = open;
        this.refuseStatus = refuseStatus;
        Thread t = new Thread(this::acceptLoop, "proxy-test-server");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy answering 407 with one {@code Proxy-Authenticate} header per value. */
    public static ProxyTestServer requiringAuth(String... proxyAuthenticate) {
        try {
            return new ProxyTestServer(List.of(proxyAuthenticate), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    /** A proxy that lets everything through (tunnels only to loopback). */
    public static ProxyTestServer open() {
        try {
            return new ProxyTestServer(List.of(), true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    /** A web filter: answers every request, CONNECT included, with {@code status} and a small block page. */
    public static ProxyTestServer refusing(int status) {
        try {
            return new ProxyTestServer(List.of(), false, status);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Every request head received so far, as text, in order. */
    public List<String> requestHeads() {
        return List.copyOf(heads);
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(ProxyTestServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "proxy-test-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout(READ_TIMEOUT_MS);
            String head = readHead(client.getInputStream());
            heads.add(head);
            String[] requestLine = head.split("\r?\n", 2)[0].split(" ");
            OutputStream out = client.getOutputStream();
            if (refuseStatus != 0) {
                byte[] page = "<html><body>Access to this site is blocked by policy.</body></html>"
                        .getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 " + refuseStatus + " Blocked\r\nVia: " + VIA + "\r\nContent-Type: text/html\r\n"
                        + "Proxy-Connection: close\r\nConnection: close\r\nContent-Length: " + page.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(page);
                out.flush();
                closeQuietly(client);
                return;
            }
            if (!open) {
                StringBuilder r = new StringBuilder("HTTP/1.1 407 Proxy Authentication Required\r\n");
                challenges.forEach(c -> r.append("Proxy-Authenticate: ").append(c).append("\r\n"));
                r.append("Via: ").append(VIA).append("\r\nProxy-Connection: close\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
                out.write(r.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                closeQuietly(client);
                return;
            }
            if (requestLine.length >= 2 && requestLine[0].equalsIgnoreCase("CONNECT")) {
                tunnel(client, requestLine[1], out);
            } else {
                byte[] body = "proxied".getBytes(StandardCharsets.US_ASCII);
                out.write(("HTTP/1.1 200 OK\r\nVia: " + VIA + "\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                closeQuietly(client);
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void tunnel(Socket client, String authority, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        host = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = colon > 0 ? Integer.parseInt(authority.substring(colon + 1)) : 443;
        if (!isLoopback(host)) {
            out.write(("HTTP/1.1 403 Forbidden\r\nVia: " + VIA + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            closeQuietly(client);
            return;
        }
        Socket upstream = new Socket();
        sockets.add(upstream);
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MS);
        out.write(("HTTP/1.1 200 Connection Established\r\nVia: " + VIA + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        client.setSoTimeout(0);
        Thread up = new Thread(() -> pipe(client, upstream), "proxy-test-up");
        up.setDaemon(true);
        up.start();
        pipe(upstream, client);
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int newlines = 0;
        while (buf.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            buf.write(b);
            if (b == '\n') {
                if (++newlines == 2) {
                    break;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // test cleanup
        }
    }
}
