package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A live HTTPS request to one allow-listed URL (article step 2), made with the catalog's trust
 * anchors, no credentials and no redirects. Any answer from the genuine server (any status, 401 and
 * 404 included) means reachable; a block page or 403 from a filtering proxy (the rule pack tells it from
 * Google's own answers: {@code google-answers.json}), a reset, a timeout or a chain the anchors do not verify
 * means blocked. Evidence file {@code probe:https}.
 *
 * @param service    the catalog service ({@code mail}, {@code calendar} ...)
 * @param url        the URL requested
 * @param host       its host
 * @param status     ok (reachable), problem (blocked), or not run
 * @param reason     {@code ANSWERED} (an HTTP answer), {@code FILTERED} (a proxy refused the tunnel with a block status),
 *                   {@code PROXY_AUTH_REQUIRED}, {@code UNTRUSTED} (TLS refused with the catalog anchors), {@code BAD_RESPONSE} (not TLS),
 *                   {@code RESET}, {@code REFUSED}, {@code TIMED_OUT}, {@code FAILED}; its status is {@code status}
 * @param httpStatus the HTTP status of the answer, or 0 when none came
 * @param server     the answer's {@code Server} header, or {@code ""}
 * @param via        the answer's {@code Via} header, or {@code ""}
 * @param proxy      the proxy the request went through ({@code host:port}), or {@code ""} when it went direct: a proxy
 *                   that cannot be reached explains the URLs that failed through it
 */
public record UrlCheck(String service, String url, String host, ProbeStatus status, UrlReason reason, int httpStatus,
        String server, String via, String proxy, LogTime time, String thread, Evidence source) implements Fact {

    public UrlCheck {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        ProbeFacts.agree(status, reason);
        server = Objects.requireNonNullElse(server, "");
        via = Objects.requireNonNullElse(via, "");
        proxy = Objects.requireNonNullElse(proxy, "");
    }

    /** A request that went direct, or whose proxy was not recorded (the form before issue 10, kept so that code compiles). */
    public UrlCheck(String service, String url, String host, ProbeStatus status, UrlReason reason, int httpStatus,
            String server, String via, LogTime time, String thread, Evidence source) {
        this(service, url, host, status, reason, httpStatus, server, via, "", time, thread, source);
    }

    /** True when the check found a problem ({@link ProbeStatus#PROBLEM}). */
    @Override
    public boolean failure() {
        return status == ProbeStatus.PROBLEM;
    }

    /**
     * True when the check passed and its answer proves the path to the server works ({@link ServerAnswer#provesPath}:
     * 2xx, 3xx, 401, 404); a 403 or 5xx is reported as an answer but may be a filtering proxy's.
     */
    @Override
    public boolean success() {
        return status == ProbeStatus.OK && ServerAnswer.provesPath(httpStatus);
    }
}
