package dev.sonde.testsupport.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A loopback port nothing listens on: bound to learn a free number, then closed, so a connect is
 * refused at once. (Another process could take the port in between; on a test machine that is
 * vanishingly rare.)
 *
 * @param port the closed port on 127.0.0.1
 */
public record ClosedPort(int port) {

    /** Finds a free loopback port and leaves it closed. */
    public static ClosedPort allocate() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new ClosedPort(s.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free loopback port", e);
        }
    }
}
