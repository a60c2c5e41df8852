package dev.sonde.probes.run;

import dev.sonde.Evidence;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.ClockReason;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.DnsReason;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxyReason;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.RevocationKind;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.TlsReason;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.probes.ProbeOutcome;
import dev.sonde.probes.clock.ClockReading;
import dev.sonde.probes.http.HeaderText;
import dev.sonde.probes.http.UrlProbe;
import dev.sonde.probes.proxy.ProxyAuthProbe;
import dev.sonde.probes.proxy.ProxyAuthResult;
import dev.sonde.probes.proxy.ProxyDiscovery;
import dev.sonde.probes.revocation.RevocationProbe;
import dev.sonde.probes.tls.CertificateInfo;
import dev.sonde.probes.tls.TlsChainProbe;
import dev.sonde.probes.tls.TlsChainResult;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns each family's result into the facts the rules read, each with the evidence line ({@link Evidence} of
 * {@code probe:<family>}) a report quotes. Pure: no network, no state; a result that is no fact (a TLS check whose
 * connection failed, a clock reading that was not made) gives an empty answer and the caller says why.
 */
final class ResultFacts {

    private ResultFacts() {
    }

    static Evidence source(ProbeFamily family, String text) {
        return new Evidence("probe:" + family, 0, text);
    }

    static DnsCheck dns(String host, DnsReason reason, List<String> addresses, long millis) {
        return new DnsCheck(host, reason.status(), reason, addresses, LogTime.UNKNOWN, "",
                source(ProbeFamily.DNS, "DNS " + host + ": " + reason + (addresses.isEmpty() ? "" : " " + String.join(", ", addresses))
                        + " in " + millis + " ms"));
    }

    static PortCheck port(String host, int port, List<String> services, ProbeOutcome<TcpReason> o, String address) {
        String how = switch (o.reason()) {
            case CONNECTED -> "connected";
            case REFUSED -> "refused (reset)";
            case TIMED_OUT -> "no answer in " + o.elapsed().toMillis() + " ms (dropped)";
            case UNREACHABLE -> "unreachable";
            case DNS_FAILED -> "name not resolved";
        };
        return new PortCheck(host, port, services, o.status(), o.reason(), address, LogTime.UNKNOWN, "",
                source(ProbeFamily.TCP, "TCP " + o.target() + " (" + address + "): " + how));
    }

    /** The served chain; empty when the connection failed (then {@code r}'s {@link TlsChainProbe#TCP} detail says why). */
    static Optional<ServedChain> chain(String host, int port, TlsChainResult r) {
        ProbeOutcome<TlsReason> o = r.outcome();
        if (o.status() == ProbeStatus.NOT_RUN) {
            return Optional.empty();
        }
        List<String> issuers = r.chain().stream().map(CertificateInfo::issuer).toList();
        Instant notBefore = r.leaf().map(CertificateInfo::notBefore).orElse(null);
        Instant notAfter = r.leaf().map(CertificateInfo::notAfter).orElse(null);
        String text = "TLS " + o.target() + ": " + o.reason().name()
                + (r.problems().size() > 1 ? " " + r.problems() : "")
                + r.leaf().map(l -> "; leaf " + l.subject() + " issued by " + l.issuer() + ", valid " + l.notBefore()
                        + " to " + l.notAfter()).orElse("")
                + (o.detail(TlsChainProbe.ERROR).isEmpty() || o.ok() ? "" : "; " + o.detail(TlsChainProbe.ERROR));
        return Optional.of(new ServedChain(host, port, o.status(), o.reason(),
                r.problems(), o.detail(TlsChainProbe.LEAF_SUBJECT),
                o.detail(TlsChainProbe.LEAF_ISSUER), o.detail(TlsChainProbe.TOP_ISSUER), issuers, notBefore, notAfter,
                r.leaf().map(CertificateInfo::sha256).orElse(""), checkedAt(o), LogTime.UNKNOWN, "", source(ProbeFamily.TLS, text)));
    }

    private static Instant checkedAt(ProbeOutcome<TlsReason> o) {
        String at = o.detail(TlsChainProbe.CHECKED_AT);
        return at.isEmpty() ? null : Instant.parse(at);
    }

    /** The CRL or OCSP check of the leaf {@code host} served on {@code port}. */
    static RevocationCheck leafRevocation(RevocationKind kind, String host, int port, ProbeOutcome<RevocationReason> o) {
        String servedBy = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        String url = o.detail(RevocationProbe.URL);
        String err = o.detail(RevocationProbe.ERROR);
        return new RevocationCheck(kind, url, hostOf(url), o.status(), o.reason(),
                LogTime.UNKNOWN, "", source(ProbeFamily.REVOCATION, kind.name() + " " + url + " for the leaf served by " + host
                        + ": " + o.reason().name() + (err.isEmpty() ? "" : " (" + err + ")")), servedBy);
    }

    /** A plain GET of an http (revocation) URL of the catalog; {@code text} says how it went. */
    static RevocationCheck plainGet(String url, String host, RevocationReason reason, String text) {
        return new RevocationCheck(RevocationKind.HTTP, url, host, reason.status(), reason, LogTime.UNKNOWN, "",
                source(ProbeFamily.REVOCATION, text));
    }

    /** The request for an allow-listed URL; {@code proxy} is the one it went through ({@code ""}: direct). */
    static UrlCheck url(String service, String url, String host, ProbeOutcome<UrlReason> o, String proxy) {
        boolean viaProxy = !proxy.isEmpty();
        int http = o.detail(UrlProbe.HTTP_STATUS).isEmpty() ? 0 : Integer.parseInt(o.detail(UrlProbe.HTTP_STATUS));
        String text = "HTTPS GET " + url + " (" + service + (viaProxy ? ", through the proxy" : "") + "): "
                + o.reason().name() + (http > 0 ? " " + http : "")
                + (o.detail(UrlProbe.SERVER).isEmpty() ? "" : ", Server: " + o.detail(UrlProbe.SERVER))
                + (o.detail(UrlProbe.VIA).isEmpty() ? "" : ", Via: " + o.detail(UrlProbe.VIA))
                + (o.detail(UrlProbe.ERROR).isEmpty() ? "" : " (" + o.detail(UrlProbe.ERROR) + ")");
        return new UrlCheck(service, url, host, o.status(), o.reason(), http,
                o.detail(UrlProbe.SERVER), o.detail(UrlProbe.VIA), proxy, LogTime.UNKNOWN, "", source(ProbeFamily.HTTPS, text));
    }

    /** The clock compared with {@code url}'s {@code Date}; empty when no comparison was made. */
    static Optional<ClockCheck> clock(String url, ClockReading r) {
        ProbeOutcome<ClockReason> o = r.outcome();
        if (o.status() == ProbeStatus.NOT_RUN) {
            return Optional.empty();
        }
        long offset = r.offset().toSeconds();
        return Optional.of(new ClockCheck(url, offset, o.status(), r.serverTime(), r.localTime(), LogTime.UNKNOWN, "",
                source(ProbeFamily.CLOCK, "Date of " + url + ": " + r.serverTime() + "; local clock " + r.localTime() + " ("
                        + (offset >= 0 ? "+" : "") + offset + " s, " + o.reason().name() + ")")));
    }

    static ProxySetting proxySetting(ProxyDiscovery.Found p) {
        return new ProxySetting(p.origin(), p.proxy(), p.bypass(), LogTime.UNKNOWN, "",
                source(ProbeFamily.PROXY, "proxy " + p.proxy() + " configured (" + p.origin() + ")"
                        + (p.bypass().isEmpty() ? "" : ", bypass " + p.bypass())));
    }

    /** The proxy's answer to a {@code CONNECT}, and a {@link ProxyEvent} when it demanded credentials. */
    static List<Fact> proxy(ProxyDiscovery.Found p, ProxyAuthResult r) {
        ProbeOutcome<ProxyReason> o = r.outcome();
        String text = o.detail(ProxyAuthProbe.REQUEST) + " through " + p.proxy() + " (" + p.origin() + "): " + o.reason().name()
                + (r.httpStatus() > 0 ? " " + r.httpStatus() : "")
                + (r.schemes().isEmpty() ? "" : ", Proxy-Authenticate: " + String.join(", ", r.schemes()))
                + (o.detail(ProxyAuthProbe.SERVER).isEmpty() ? "" : ", Server: " + o.detail(ProxyAuthProbe.SERVER))
                + (o.detail(ProxyAuthProbe.VIA).isEmpty() ? "" : ", Via: " + o.detail(ProxyAuthProbe.VIA))
                + (o.detail(ProxyAuthProbe.ERROR).isEmpty() ? "" : " (" + HeaderText.clean(o.detail(ProxyAuthProbe.ERROR)) + ")");
        Evidence src = source(ProbeFamily.PROXY, text);
        ProxyCheck check = new ProxyCheck(p.proxy(), p.origin(), o.status(), o.reason(), r.httpStatus(),
                r.schemes(), o.detail(ProxyAuthProbe.SERVER), o.detail(ProxyAuthProbe.VIA), LogTime.UNKNOWN, "", src);
        if (o.reason() == ProxyReason.AUTH_REQUIRED) {
            return List.of(check, new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, r.schemes(), p.proxy(), LogTime.UNKNOWN, "", src));
        }
        return List.of(check);
    }

    private static String hostOf(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
