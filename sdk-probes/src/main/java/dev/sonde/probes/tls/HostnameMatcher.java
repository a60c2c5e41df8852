package dev.sonde.probes.tls;

import dev.sonde.net.IpLiterals;
import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Does a certificate name a host? RFC 6125 rules, as browsers apply them:
 * <ul>
 *   <li>an IP address matches only an iPAddress subject alternative name, byte for byte;</li>
 *   <li>a host name matches a dNSName exactly (case-insensitive, a trailing dot ignored), or a
 *       wildcard {@code *.example.com}: the {@code *} is the whole left-most label, stands for exactly
 *       one non-empty label, and at least two labels follow it ({@code *.com} matches nothing);
 *       partial wildcards ({@code f*.example.com}) and wildcards elsewhere match nothing;</li>
 *   <li>the subject's common name counts only when the certificate has no dNSName at all (as
 *       Windows' CryptoAPI still does; browsers no longer do).</li>
 * </ul>
 */
final class HostnameMatcher {

    private HostnameMatcher() {
    }

    /** True when {@code cert} is valid for {@code host} by name. */
    static boolean matches(String host, X509Certificate cert) {
        CertificateExtensions ext = CertificateExtensions.of(cert);
        Optional<InetAddress> ip = IpLiterals.parse(host);
        if (ip.isPresent()) {
            String wanted = ip.get().getHostAddress();
            return ext.ipAddresses().stream().anyMatch(wanted::equals);
        }
        List<String> names = ext.dnsNames();
        if (names.isEmpty()) {
            String cn = CertificateExtensions.commonName(cert.getSubjectX500Principal());
            names = cn.isEmpty() ? List.of() : List.of(cn);
        }
        return names.stream().anyMatch(pattern -> matchesName(host, pattern));
    }

    /** True when the host name {@code host} matches the certificate name {@code pattern}. */
    static boolean matchesName(String host, String pattern) {
        String h = normalise(host);
        String p = normalise(pattern);
        if (h.isEmpty() || p.isEmpty()) {
            return false;
        }
        if (!p.contains("*")) {
            return h.equals(p);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false; // partial or misplaced wildcard
        }
        String suffix = p.substring(2);
        if (suffix.indexOf('.') < 0 || suffix.startsWith(".") || suffix.endsWith(".")) {
            return false; // *.com, *..example
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot + 1).equals(suffix);
    }

    private static String normalise(String name) {
        String n = name.strip();
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        try {
            n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            // not a valid IDN: compare as written
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
