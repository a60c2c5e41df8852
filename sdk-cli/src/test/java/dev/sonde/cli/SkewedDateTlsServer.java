package dev.sonde.cli;

import dev.sonde.testsupport.net.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.net.ssl.SSLServerSocket;

/**
 * A loopback HTTPS server presenting a chosen (valid) chain whose {@code Date} header is off by a fixed amount: the
 * JDK {@code HttpsServer} stamps the real time, so this one writes its HTTP answer by hand. Every request gets
 * {@code 200 ok} (or, from {@link #blockPage}, a filter's block page with its headers), then the connection closes;
 * {@link #withoutDate} sends no {@code Date} at all. Binds 127.0.0.1 on a free port; closed by {@link #close()}.
 */
final class SkewedDateTlsServer implements AutoCloseable {

    private static final int READ_TIMEOUT_MS = 5_000;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final SSLServerSocket listener;
    private final Duration offset;
    private final String statusLineAndHeaders;

    private SkewedDateTlsServer(TestPki.Issued leaf, Duration offset) throws IOException {
        this(leaf, offset, "HTTP/1.1 200 OK\r\n");
    }

    private SkewedDateTlsServer(TestPki.Issued leaf, Duration offset, String statusLineAndHeaders) throws IOException {
        this.statusLineAndHeaders = statusLineAndHeaders;
        this.listener = (SSLServerSocket) TestPki.serverContext(leaf).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.offset = offset;
        Thread t = new Thread(this::acceptLoop, "skewed-date-tls-server");
        t.setDaemon(true);
        t.start();
    }

    /** A server whose answers carry no {@code Date} header at all (a front end that strips it). */
    static SkewedDateTlsServer withoutDate(TestPki.Issued leaf) {
        return start(leaf, null);
    }

    static SkewedDateTlsServer start(TestPki.Issued leaf, Duration offset) {
        try {
            return new SkewedDateTlsServer(leaf, offset);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the skewed-date TLS server", e);
        }
    }

    /**
     * A filter answering every request with a block page: {@code statusLineAndHeaders} (the status line and header
     * lines, each ending in CRLF), then its {@code Date} off by {@code offset}.
     */
    static SkewedDateTlsServer blockPage(TestPki.Issued leaf, Duration offset, String statusLineAndHeaders) {
        try {
            return new SkewedDateTlsServer(leaf, offset, statusLineAndHeaders);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the block page TLS server", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // test cleanup
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread t = new Thread(() -> answer(s), "skewed-date-tls-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void answer(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(READ_TIMEOUT_MS);
            readHead(in);
            String date = offset == null ? "" : "Date: " + HTTP_DATE.format(Instant.now().plus(offset).atOffset(ZoneOffset.UTC)) + "\r\n";
            String answer = statusLineAndHeaders + date + "Content-Type: text/plain\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\nok";
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException ignored) {
            // a client that hung up, or a bare handshake (the TLS probe): nothing to answer
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int i = 0; i < 64 * 1024; i++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }
}
