package dev.sonde.facts;

import dev.sonde.Evidence;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A certificate authority Windows trusts, as listed by {@code certutil -store Root} (the machine's store) or
 * {@code certutil -user -store Root} (the user's). An HTTPS inspection product (a secure web gateway, an antivirus'
 * web shield, a debugging proxy) installs its own root there so that Windows accepts the certificates it makes: a
 * root named after such a product is a sign that it is installed and probably inspecting (article step 4), even
 * when no connection failed. The text is what certutil printed, not a verified certificate. Evidence: the entry's
 * {@code Subject:} line (else its first line) in {@code roots-machine.txt} or {@code roots-user.txt}; no time
 * ({@link LogTime#UNKNOWN}), no thread.
 *
 * @param store            which store listed it
 * @param subject          the subject as written ({@code CN=Zscaler Root CA, OU=Zscaler Inc., O=Zscaler Inc., C=US}),
 *                         or {@code ""}
 * @param issuer           the issuer as written, or {@code ""} (for a root, usually the subject again)
 * @param subjectValues    the subject's values in the order written ({@code [Zscaler Root CA, Zscaler Inc., ...]}), for
 *                         pattern matching
 * @param commonName       the subject's common name ({@code CN=}), or {@code ""}
 * @param organization     the subject's organisation ({@code O=}), or {@code ""}
 * @param issuerCommonName the issuer's common name, or {@code ""}
 * @param issuerOrganization the issuer's organisation, or {@code ""}
 * @param notBefore        start of validity as written ({@code 9/21/2016 4:08 AM}, {@code 21/09/2016 04:08}), or
 *                         {@code ""}
 * @param notAfter         end of validity as written, or {@code ""}
 * @param validFrom        {@link #notBefore} read as the machine's local time, or {@code null} when the locale's date
 *                         order could not be told (certutil prints no zone)
 * @param validUntil       {@link #notAfter} read the same way, or {@code null}
 * @param sha1             the thumbprint ({@code Cert Hash(sha1)}), lower-case hex without spaces, or {@code ""}
 * @param serial           the serial number, lower-case hex without spaces, or {@code ""}
 */
public record InstalledRoot(RootStore store, String subject, String issuer, List<String> subjectValues,
        String commonName, String organization, String issuerCommonName, String issuerOrganization,
        String notBefore, String notAfter, LocalDateTime validFrom, LocalDateTime validUntil,
        String sha1, String serial, LogTime time, String thread, Evidence source) implements Fact {

    public InstalledRoot {
        Objects.requireNonNull(store, "store");
        subject = Objects.requireNonNullElse(subject, "");
        issuer = Objects.requireNonNullElse(issuer, "");
        subjectValues = subjectValues == null ? List.of() : List.copyOf(subjectValues);
        commonName = Objects.requireNonNullElse(commonName, "");
        organization = Objects.requireNonNullElse(organization, "");
        issuerCommonName = Objects.requireNonNullElse(issuerCommonName, "");
        issuerOrganization = Objects.requireNonNullElse(issuerOrganization, "");
        notBefore = Objects.requireNonNullElse(notBefore, "");
        notAfter = Objects.requireNonNullElse(notAfter, "");
        sha1 = Objects.requireNonNullElse(sha1, "");
        serial = Objects.requireNonNullElse(serial, "");
        time = Objects.requireNonNullElse(time, LogTime.UNKNOWN);
        thread = Objects.requireNonNullElse(thread, "");
    }

    /** The name to show: the common name, else the organisation, else the subject as written. */
    public String name() {
        return !commonName.isEmpty() ? commonName : !organization.isEmpty() ? organization : subject;
    }
}
