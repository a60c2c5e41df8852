package dev.sonde.testkit.logs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A certificate as a GWSMO log prints it in a {@code Certificate details:} block: validity, then the
 * subject's and issuer's values one per line (country first, common name last).
 */
public record CertBlock(List<String> subject, List<String> issuer, Instant notBefore, Instant notAfter) {

    /** Validity of the Fiddler certificate in the article's second example. */
    public static final Instant FIDDLER_NOT_BEFORE = Instant.parse("2016-09-20T04:08:45Z");
    public static final Instant FIDDLER_NOT_AFTER = Instant.parse("2022-09-20T04:08:45Z");

    public CertBlock {
        subject = List.copyOf(subject);
        issuer = List.copyOf(issuer);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** A current Google leaf: subject US/California/Mountain View/Google LLC/host, issuer US/Google Trust Services/WR2. */
    public static CertBlock google(String host, Instant notBefore, Instant notAfter) {
        return new CertBlock(List.of("US", "California", "Mountain View", "Google LLC", host),
                List.of("US", "Google Trust Services", "WR2"), notBefore, notAfter);
    }

    /** An older Google leaf like the article's first example: issuer US/Google Inc/Google Internet Authority G2. */
    public static CertBlock googleG2(String host, Instant notBefore, Instant notAfter) {
        return new CertBlock(List.of("US", "California", "Mountain View", "Google Inc", host),
                List.of("US", "Google Inc", "Google Internet Authority G2"), notBefore, notAfter);
    }

    /** Fiddler's interception certificate, as in the article's second example. */
    public static CertBlock fiddler(String host) {
        return new CertBlock(List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", host),
                List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "DO_NOT_TRUST_FiddlerRoot"),
                FIDDLER_NOT_BEFORE, FIDDLER_NOT_AFTER);
    }
}
