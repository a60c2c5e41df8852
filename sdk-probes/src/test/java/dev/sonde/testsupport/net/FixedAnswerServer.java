package dev.sonde.testsupport.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback port that answers every connection at once with fixed bytes, whatever the client
 * sent, and closes it: a server speaking the wrong protocol (plain HTTP where TLS is expected, a
 * banner where an HTTP proxy is expected). Closed by {@link #close()}.
 */
public final class FixedAnswerServer implements AutoCloseable {

    private static final int DRAIN_TIMEOUT_MS = 2_000;

    private final ServerSocket listener;
    private final byte[] answer;

    private FixedAnswerServer(byte[] answer) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answer = answer.clone();
        Thread t = new Thread(this::acceptLoop, "fixed-answer-server");
        t.setDaemon(true);
        t.start();
    }

    /** A server answering {@code text} (ISO-8859-1) to every connection. */
    public static FixedAnswerServer answering(String text) {
        try {
            return new FixedAnswerServer(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fixed-answer server", e);
        }
    }

    /** A server answering {@code bytes} to every connection. */
    public static FixedAnswerServer answering(byte[] bytes) {
        try {
            return new FixedAnswerServer(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fixed-answer server", e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
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
            try (Socket s = listener.accept(); OutputStream out = s.getOutputStream()) {
                out.write(answer);
                out.flush();
                // half-close, then drain what the client sent: closing with unread input would send a
                // reset, which can overtake the answer
                s.shutdownOutput();
                s.setSoTimeout(DRAIN_TIMEOUT_MS);
                s.getInputStream().skip(Long.MAX_VALUE);
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }
}
