package dev.sonde.probes.tls;

import dev.sonde.net.IpLiterals;
import java.io.IOException;
import java.net.InetAddress;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The extensions probes read from a certificate (subject alternative names, CRL distribution points,
 * authority information access), decoded with Bouncy Castle. A malformed extension reads as absent.
 */
record CertificateExtensions(List<String> dnsNames, List<String> ipAddresses, boolean hasSubjectAltNames,
                             List<String> crlUrls, List<String> ocspUrls, List<String> caIssuersUrls) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    static CertificateExtensions of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        boolean hasSan = false;
        try {
            Collection<List<?>> san = cert.getSubjectAlternativeNames();
            if (san != null) {
                hasSan = true;
                for (List<?> entry : san) {
                    int type = (Integer) entry.get(0);
                    if (type == SAN_DNS) {
                        dns.add(String.valueOf(entry.get(1)));
                    } else if (type == SAN_IP) {
                        ips.add(normaliseIp(String.valueOf(entry.get(1))));
                    }
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // a malformed SAN reads as none; the name check then fails, which is the right verdict
        }
        List<String> crl = new ArrayList<>();
        List<String> ocsp = new ArrayList<>();
        List<String> caIssuers = new ArrayList<>();
        Extensions extensions = extensions(cert);
        if (extensions != null) {
            try {
                CRLDistPoint points = CRLDistPoint.fromExtensions(extensions);
                if (points != null) {
                    for (DistributionPoint dp : points.getDistributionPoints()) {
                        DistributionPointName name = dp.getDistributionPoint();
                        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                            addUris(GeneralNames.getInstance(name.getName()), crl);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // malformed CRL distribution points: none
            }
            try {
                AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(extensions);
                if (aia != null) {
                    for (AccessDescription ad : aia.getAccessDescriptions()) {
                        if (AccessDescription.id_ad_ocsp.equals(ad.getAccessMethod())) {
                            addUri(ad.getAccessLocation(), ocsp);
                        } else if (AccessDescription.id_ad_caIssuers.equals(ad.getAccessMethod())) {
                            addUri(ad.getAccessLocation(), caIssuers);
                        }
                    }
                }
            } catch (RuntimeException e) {
                // malformed authority information access: none
            }
        }
        return new CertificateExtensions(List.copyOf(dns), List.copyOf(ips), hasSan, List.copyOf(crl), List.copyOf(ocsp),
                List.copyOf(caIssuers));
    }

    /** The last common name in a distinguished name, or {@code ""}. */
    static String commonName(X500Principal principal) {
        try {
            RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
            if (rdns.length == 0) {
                return "";
            }
            return IETFUtils.valueToString(rdns[rdns.length - 1].getFirst().getValue());
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static Extensions extensions(X509Certificate cert) {
        try {
            return new X509CertificateHolder(cert.getEncoded()).getExtensions();
        } catch (IOException | CertificateEncodingException | RuntimeException e) {
            return null;
        }
    }

    private static void addUris(GeneralNames names, List<String> out) {
        for (GeneralName n : names.getNames()) {
            addUri(n, out);
        }
    }

    private static void addUri(GeneralName n, List<String> out) {
        if (n.getTagNo() == GeneralName.uniformResourceIdentifier && n.getName() instanceof ASN1String s) {
            out.add(s.getString());
        }
    }

    private static String normaliseIp(String text) {
        return IpLiterals.parse(text).map(InetAddress::getHostAddress).orElse(text);
    }
}
