package dev.sonde.testsupport.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback port that never answers, in one of two ways:
 * <ul>
 *   <li>{@link #accepting()}: connections are accepted and then nothing is read or written, as a
 *       filtering middlebox that swallows the request does. TCP succeeds; TLS, HTTP and proxy
 *       exchanges wait until their deadline.</li>
 *   <li>{@link #droppingSyns()}: a listener with a one-slot accept queue that never accepts, filled
 *       up at start; Linux then silently drops further SYNs (no reset), so a TCP connect waits until
 *       its deadline, as with a firewall that drops packets. (Linux behaviour; CI runs Linux.)</li>
 * </ul>
 * Closed by {@link #close()}, which also closes every connection it holds.
 */
public final class BlackHolePort implements AutoCloseable {

    private static final int FILL_ATTEMPTS = 16;
    private static final int FILL_TIMEOUT_MS = 150;

    private final ServerSocket listener;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    private BlackHolePort(ServerSocket listener) {
        this.listener = listener;
    }

    /** A port that accepts connections and never reads or answers. */
    public static BlackHolePort accepting() {
        try {
            ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            BlackHolePort port = new BlackHolePort(s);
            Thread t = new Thread(port::acceptForever, "black-hole-accept");
            t.setDaemon(true);
            t.start();
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a black-hole port", e);
        }
    }

    /** A port whose SYNs are silently dropped: a TCP connect to it times out. */
    public static BlackHolePort droppingSyns() {
        try {
            ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            BlackHolePort port = new BlackHolePort(s);
            port.fillAcceptQueue();
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a SYN-dropping port", e);
        }
    }

    /** The port on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        held.forEach(BlackHolePort::closeQuietly);
        closeQuietly(listener);
    }

    private void acceptForever() {
        while (!listener.isClosed()) {
            try {
                held.add(listener.accept()); // and never touch it again
            } catch (IOException e) {
                return;
            }
        }
    }

    private void fillAcceptQueue() throws IOException {
        for (int i = 0; i < FILL_ATTEMPTS; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), FILL_TIMEOUT_MS);
                held.add(filler);
            } catch (SocketTimeoutException full) {
                closeQuietly(filler);
                return; // the queue is full: SYNs are being dropped
            }
        }
        close();
        throw new IOException("accept queue never filled: SYNs are not dropped on this system");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // test cleanup
        }
    }
}
