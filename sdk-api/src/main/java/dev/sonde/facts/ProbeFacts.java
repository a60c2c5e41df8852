package dev.sonde.facts;

import java.util.ArrayList;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** Helpers shared by the probe facts: a reason that fixes the status, distinguished names (RFC 2253) read as values. */
final class ProbeFacts {
    private ProbeFacts() {
    }

    /** Refuses a missing reason, or one that stands for another status than {@code status}. */
    static void agree(ProbeStatus status, ProbeReason reason) {
        java.util.Objects.requireNonNull(reason, "reason");
        if (reason.status() != status) {
            throw new IllegalArgumentException("reason " + reason.name() + " means " + reason.status() + ", not " + status);
        }
    }

    /** The attribute values of a DN, most significant last as written ({@code CN=a,O=b} → [a, b]). */
    static List<String> values(String dn) {
        List<String> out = new ArrayList<>();
        if (dn == null || dn.isBlank()) {
            return out;
        }
        try {
            List<Rdn> rdns = new LdapName(dn).getRdns(); // least significant ... most: reversed from text
            for (int i = rdns.size() - 1; i >= 0; i--) {
                out.add(String.valueOf(rdns.get(i).getValue()));
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            out.add(dn);
        }
        return out;
    }

    /** The (first written) common name of a DN, else the DN itself. */
    static String commonName(String dn) {
        if (dn == null || dn.isBlank()) {
            return "";
        }
        try {
            List<Rdn> rdns = new LdapName(dn).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            return dn;
        }
        return dn;
    }
}
