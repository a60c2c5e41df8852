package dev.sonde.probes.pac;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * This machine's addresses for {@code myIpAddress}: those of the interfaces that are up, not loopback, IPv4
 * first, from the interface list alone. Unlike {@code InetAddress.getLocalHost()} it resolves no name, so it
 * cannot block on DNS. Loopback ({@code 127.0.0.1}) when there is none, as browsers answer.
 */
final class LocalAddresses {

    private LocalAddresses() {
    }

    static List<InetAddress> find() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (!a.isLinkLocalAddress() && !a.isLoopbackAddress()) {
                            out.add(a);
                        }
                    }
                }
            }
        } catch (SocketException | RuntimeException e) {
            // no interface list: answer loopback below, as a browser does
        }
        out.sort(Comparator.comparing(a -> a.getAddress().length)); // IPv4 (4 bytes) before IPv6 (16)
        return out.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : List.copyOf(out);
    }
}
