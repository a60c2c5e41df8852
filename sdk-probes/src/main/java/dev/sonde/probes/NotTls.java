package dev.sonde.probes;

import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Tells a peer that answered a TLS ClientHello with something that is not TLS (plain HTTP, a banner, random bytes)
 * from one that spoke TLS and failed it (a refused chain, an alert). The JDK reports the first as an
 * {@link SSLException} from its record layer, with no certificate in the cause chain; the messages differ between
 * JDK versions and between {@code SSLSocket} and {@code SSLEngine} ("Unsupported or unrecognized SSL message",
 * "Unrecognized SSL message, plaintext connection?", "Unrecognized record version ...", "Illegal packet size",
 * "Invalid TLS padding data", "The size of the handshake message ... exceeds the maximum"), so this looks for
 * any of their stable words, and only in an {@code SSLException} of the chain.
 */
public final class NotTls {

    /** Words of the record layer's complaints about bytes that are not a TLS record; linear-time. */
    private static final Pattern RECORD_LAYER = Pattern.compile(
            "unrecognized ssl message|unsupported or unrecognized|plaintext connection|unrecognized record|"
                    + "illegal packet size|invalid tls padding|record_overflow|exceeds the maximum|"
                    + "unexpected rawoffset|insufficient buffer remaining|unknown content type|not a ssl/tls record");

    private NotTls() {
    }

    /** True when {@code t} (or a cause) says the peer's bytes were not TLS, and no certificate was judged. */
    public static boolean answered(Throwable t) {
        boolean recordLayer = false;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateException) {
                return false; // a chain came and was refused: that is TLS
            }
            if (c instanceof SSLException && c.getMessage() != null
                    && RECORD_LAYER.matcher(c.getMessage().toLowerCase(Locale.ROOT)).find()) {
                recordLayer = true;
            }
        }
        return recordLayer;
    }
}
