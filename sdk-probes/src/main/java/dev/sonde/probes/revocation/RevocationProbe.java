package dev.sonde.probes.revocation;

import dev.sonde.facts.RevocationReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.Elapsed;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.http.HttpFetch;
import dev.sonde.probes.tls.CertificateInfo;
import dev.sonde.probes.tls.ChainVerifier;
import java.net.ProxySelector;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a certificate's revocation status the way a Windows client must before trusting it:
 * downloads the CRL its issuer publishes (HTTP GET) and asks its OCSP responder (HTTP POST of an
 * {@code application/ocsp-request}), both built, parsed and signature-checked with Bouncy Castle.
 * Freshness is judged at the injected {@link Clock}'s time.
 *
 * <p>HTTP is done with the JDK {@code HttpClient}: HTTP/1.1, no redirect followed, no credentials,
 * at most {@code maxBodyBytes} read, everything abandoned at the deadline.
 *
 * <p>Detail keys: {@value #URL}, {@value #HTTP_STATUS}, {@value #BYTES}, {@value #THIS_UPDATE},
 * {@value #NEXT_UPDATE}, {@value #ENTRIES} (CRL only), {@value #REVOKED_AT}, {@value #REVOCATION_REASON},
 * {@value #PRODUCED_AT}, {@value #RESPONDER}, {@value #OCSP_STATUS} (OCSP only), {@value #LOCATION},
 * {@value #ERROR}.
 *
 * <p>Immutable and thread-safe; holds one {@code HttpClient}, so share an instance.
 */
public final class RevocationProbe {

    /** Default cap on a downloaded CRL or OCSP answer. */
    public static final long DEFAULT_MAX_BODY_BYTES = 2L * 1024 * 1024;

    /** Detail key: the URL fetched. */
    public static final String URL = "url";
    /** Detail key: the HTTP status of the answer. */
    public static final String HTTP_STATUS = "httpStatus";
    /** Detail key: the size of the answer's body. */
    public static final String BYTES = "bytes";
    /** Detail key: the answer's thisUpdate (ISO-8601). */
    public static final String THIS_UPDATE = "thisUpdate";
    /** Detail key: the answer's nextUpdate (ISO-8601), when given. */
    public static final String NEXT_UPDATE = "nextUpdate";
    /** Detail key: how many entries the CRL lists. */
    public static final String ENTRIES = "entries";
    /** Detail key: when the certificate was revoked (ISO-8601). */
    public static final String REVOKED_AT = "revokedAt";
    /** Detail key: the revocation reason's RFC 5280 name ({@code keyCompromise}). */
    public static final String REVOCATION_REASON = "revocationReason";
    /** Detail key: when the OCSP answer was produced. */
    public static final String PRODUCED_AT = "producedAt";
    /** Detail key: the subject DN of the OCSP answer's signer. */
    public static final String RESPONDER = "responder";
    /** Detail key: the OCSP response status when not successful ({@code tryLater}, {@code unauthorized}). */
    public static final String OCSP_STATUS = "ocspStatus";
    /** Detail key: the {@code Location} of a redirect that was not followed. */
    public static final String LOCATION = "location";
    /** Detail key: what went wrong. */
    public static final String ERROR = "error";

    private static final Logger LOG = LoggerFactory.getLogger(RevocationProbe.class);
    private static final List<String> REASONS = List.of("unspecified", "keyCompromise", "cACompromise", "affiliationChanged",
            "superseded", "cessationOfOperation", "certificateHold", "unused7", "removeFromCRL", "privilegeWithdrawn",
            "aACompromise");

    private final Clock clock;
    private final HttpFetch http;

    /** A probe using the JVM's default proxy selector and a {@value #DEFAULT_MAX_BODY_BYTES}-byte cap. */
    public RevocationProbe(Clock clock) {
        this(clock, ProxySelector.getDefault(), DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * A probe judging freshness at {@code clock}'s time, connecting as {@code proxy} decides
     * ({@code HttpClient.Builder.NO_PROXY} for direct), reading at most {@code maxBodyBytes}.
     */
    public RevocationProbe(Clock clock, ProxySelector proxy, long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = new HttpFetch(Objects.requireNonNull(proxy, "proxy"), maxBodyBytes);
    }

    /** Checks {@code leaf} against the first HTTP CRL distribution point it names. */
    public ProbeOutcome<RevocationReason> crl(X509Certificate leaf, X509Certificate issuer, Deadline deadline) {
        Optional<URI> url = firstHttp(CertificateInfo.of(leaf).crlUrls());
        if (url.isEmpty()) {
            return noUrl("crl", leaf);
        }
        return crl(url.get(), leaf, issuer, deadline);
    }

    /** Checks {@code leaf} against the CRL at {@code url}. */
    public ProbeOutcome<RevocationReason> crl(URI url, X509Certificate leaf, X509Certificate issuer, Deadline deadline) {
        checkPair(leaf, issuer);
        long start = System.nanoTime();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put(URL, url.toString());
        RevocationReason reason;
        try {
            HttpFetch.Answer answer = http.get(url, "application/pkix-crl, application/x-pkcs7-crl, */*", deadline);
            reason = usable(answer, detail);
            if (reason == null) {
                reason = CrlCheck.judge(answer.body(), issuer, leaf.getSerialNumber(), clock.instant(), detail);
            }
        } catch (HttpFetch.Failure f) {
            reason = f.reason();
            detail.put(ERROR, String.valueOf(f.getMessage()));
        }
        return done(reason, url, detail, start);
    }

    /** Asks the first HTTP OCSP responder {@code leaf} names. */
    public ProbeOutcome<RevocationReason> ocsp(X509Certificate leaf, X509Certificate issuer, Deadline deadline) {
        Optional<URI> url = firstHttp(CertificateInfo.of(leaf).ocspUrls());
        if (url.isEmpty()) {
            return noUrl("ocsp", leaf);
        }
        return ocsp(url.get(), leaf, issuer, deadline);
    }

    /** Asks the OCSP responder at {@code url} about {@code leaf}. */
    public ProbeOutcome<RevocationReason> ocsp(URI url, X509Certificate leaf, X509Certificate issuer, Deadline deadline) {
        checkPair(leaf, issuer);
        long start = System.nanoTime();
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put(URL, url.toString());
        OcspCheck check = OcspCheck.forCertificate(leaf, issuer);
        RevocationReason reason;
        try {
            HttpFetch.Answer answer = http.post(url, "application/ocsp-request", check.request(), "application/ocsp-response", deadline);
            reason = usable(answer, detail);
            if (reason == null) {
                reason = check.judge(answer.body(), clock.instant(), detail);
            }
        } catch (HttpFetch.Failure f) {
            reason = f.reason();
            detail.put(ERROR, String.valueOf(f.getMessage()));
        }
        return done(reason, url, detail, start);
    }

    /** BAD_RESPONSE for a non-200 answer (redirects are reported, not followed), else {@code null}. */
    private static RevocationReason usable(HttpFetch.Answer answer, Map<String, String> detail) {
        detail.put(HTTP_STATUS, Integer.toString(answer.status()));
        detail.put(BYTES, Integer.toString(answer.body().length));
        if (answer.status() == 200) {
            return null;
        }
        if (!answer.location().isEmpty()) {
            detail.put(LOCATION, answer.location());
        }
        detail.put(ERROR, "HTTP " + answer.status());
        return RevocationReason.BAD_RESPONSE;
    }

    private ProbeOutcome<RevocationReason> done(RevocationReason reason, URI url, Map<String, String> detail, long start) {
        ProbeOutcome<RevocationReason> outcome = ProbeOutcome.of(reason, url.toString(), detail, Elapsed.since(start));
        LOG.debug("revocation probe {}", outcome);
        return outcome;
    }

    private static ProbeOutcome<RevocationReason> noUrl(String kind, X509Certificate leaf) {
        String subject = ChainVerifier.name(leaf.getSubjectX500Principal());
        return ProbeOutcome.of(RevocationReason.NO_URL, subject, Map.of(ERROR, "no HTTP " + kind + " URL in the certificate"),
                Duration.ZERO);
    }

    private static Optional<URI> firstHttp(List<String> urls) {
        for (String u : urls) {
            try {
                URI uri = URI.create(u.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            } catch (IllegalArgumentException e) {
                // not a URI: try the next one
            }
        }
        return Optional.empty();
    }

    private static void checkPair(X509Certificate leaf, X509Certificate issuer) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(issuer, "issuer");
        if (!leaf.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new IllegalArgumentException("issuer " + issuer.getSubjectX500Principal() + " did not issue "
                    + leaf.getSubjectX500Principal() + " (issued by " + leaf.getIssuerX500Principal() + ")");
        }
    }

    static String reasonName(int code) {
        return code >= 0 && code < REASONS.size() ? REASONS.get(code) : "reason" + code;
    }
}
