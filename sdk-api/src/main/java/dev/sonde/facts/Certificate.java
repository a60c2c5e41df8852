package dev.sonde.facts;

import dev.sonde.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A server certificate as printed in a log's {@code Certificate details:} block. The text is what
 * the log says, not a verified certificate: it tells a Google certificate from an inspection
 * proxy's, and must never be used to authenticate anything.
 *
 * @param subject    the subject's values, one per printed line (country ... common name)
 * @param issuer     the issuer's values, one per printed line
 * @param notBefore  start of validity, or {@code null} when not printed
 * @param notAfter   end of validity, or {@code null} when not printed
 * @param time       when the certificate was logged (the machine's clock)
 */
public record Certificate(
        List<String> subject, List<String> issuer, Instant notBefore, Instant notAfter,
        LogTime time, String thread, Evidence source) implements Fact {

    public Certificate {
        subject = List.copyOf(subject);
        issuer = List.copyOf(issuer);
    }

    /** The subject's host name (the value that looks like a DNS name), else its last value. */
    public String subjectName() {
        return mostSpecific(subject);
    }

    /** The issuer's common name (its last printed value). */
    public String issuerName() {
        return issuer.isEmpty() ? "" : issuer.get(issuer.size() - 1);
    }

    /** All issuer values joined with {@code " / "}, for pattern matching. */
    public String issuerText() {
        return String.join(" / ", issuer);
    }

    /** All subject values joined with {@code " / "}. */
    public String subjectText() {
        return String.join(" / ", subject);
    }

    /** True when both validity dates were printed. */
    public boolean hasValidity() {
        return notBefore != null && notAfter != null;
    }

    /** True when the line's time is before the start of validity, beyond the time's uncertainty. */
    public boolean observedBeforeValidity() {
        return hasValidity() && time.known() && time.instant().plus(time.uncertainty()).isBefore(notBefore);
    }

    /** True when the line's time is after the end of validity, beyond the time's uncertainty. */
    public boolean observedAfterValidity() {
        return hasValidity() && time.known() && time.instant().minus(time.uncertainty()).isAfter(notAfter);
    }

    /** True when the line's time is outside the validity window, either way, beyond the time's uncertainty. */
    public boolean observedOutsideValidity() {
        return observedAfterValidity() || observedBeforeValidity();
    }

    /** How far outside the validity window the line's time is (zero when inside or unknown). */
    public Duration outsideValidityBy() {
        if (observedAfterValidity()) {
            return Duration.between(notAfter, time.instant());
        }
        if (observedBeforeValidity()) {
            return Duration.between(time.instant(), notBefore);
        }
        return Duration.ZERO;
    }

    private static String mostSpecific(List<String> values) {
        for (int i = values.size() - 1; i >= 0; i--) {
            String v = values.get(i).trim();
            if (!v.contains(" ") && (v.startsWith("*.") || v.matches("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+"))) {
                return v;
            }
        }
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }
}
