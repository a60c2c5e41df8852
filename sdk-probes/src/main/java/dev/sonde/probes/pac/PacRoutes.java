package dev.sonde.probes.pac;

import dev.sonde.Evidence;
import dev.sonde.facts.Fact;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.PacFailure;
import dev.sonde.facts.PacRoute;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which proxy each catalog URL takes according to a PAC script: the facts the prober and the rules read
 * ({@link PacRoute} per URL, {@link PacFailure} when the script could not be had or failed). The script is
 * either fetched from its {@code AutoConfigURL} ({@link PacFetch}) or given as saved text (a {@code proxy.pac}
 * from a support bundle), then evaluated in the sandbox ({@link PacScript}) once per URL, in catalog order.
 *
 * <p>Evidence file: {@value #PROBE_FILE} for a fetched script, {@value #SAVED_FILE} for a saved one; the line
 * quotes the call and its answer ({@code FindProxyForURL("https://www.googleapis.com/", "www.googleapis.com")
 * = "PROXY proxy:3128"}) or the failure. Never throws for anything the script or its server does.
 */
public final class PacRoutes {

    /** The documented file name of a saved PAC script, and the evidence file of its facts. */
    public static final String SAVED_FILE = "proxy.pac";
    /** The evidence file of the facts of a script fetched live. */
    public static final String PROBE_FILE = "probe:pac";

    private static final Logger LOG = LoggerFactory.getLogger(PacRoutes.class);

    private PacRoutes() {
    }

    /**
     * Evaluates the script for each catalog URL.
     *
     * @param scriptUrl   the {@code AutoConfigURL}, or null when only a saved script is known
     * @param savedScript the script's text when it was saved (it is then used, and nothing is fetched)
     * @param catalogUrls the URLs to route; one without a host is skipped
     * @return one {@link PacRoute} or {@link PacFailure} per URL, or a single {@link PacFailure} (url {@code ""})
     *         when the script could not be fetched or compiled, or its top level failed; empty when there is
     *         neither a URL nor a saved script
     */
    public static List<Fact> evaluate(String scriptUrl, Optional<String> savedScript, List<URI> catalogUrls,
            PacOptions options) {
        Objects.requireNonNull(savedScript, "savedScript");
        Objects.requireNonNull(catalogUrls, "catalogUrls");
        Objects.requireNonNull(options, "options");
        boolean hasUrl = scriptUrl != null && !scriptUrl.isBlank();
        if (!hasUrl && savedScript.isEmpty()) {
            return List.of();
        }
        Origin origin = new Origin(hasUrl ? withoutUserInfo(scriptUrl) : SAVED_FILE,
                savedScript.isPresent() ? SAVED_FILE : PROBE_FILE, hasUrl ? userInfo(scriptUrl) : "");
        String source;
        try {
            source = savedScript.isPresent() ? savedScript.get() : PacFetch.fetch(scriptUrl, options);
        } catch (PacException e) {
            LOG.debug("PAC script {}: {} {}", origin.script, e.reason(), e.detail());
            return List.of(origin.failure("", e));
        }
        return evaluate(origin, source, catalogUrls, options);
    }

    /**
     * Evaluates a saved script, named {@code name} in facts and evidence (the input's name, such as
     * {@code bundle.zip!/host/proxy.pac}), for each catalog URL; what {@link #evaluate} returns.
     */
    public static List<Fact> evaluateSaved(String name, String source, List<URI> catalogUrls, PacOptions options) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(catalogUrls, "catalogUrls");
        Objects.requireNonNull(options, "options");
        String clipped = PacResultParser.clip(Objects.requireNonNull(name, "name"));
        return evaluate(new Origin(clipped, clipped, ""), source, catalogUrls, options);
    }

    private static List<Fact> evaluate(Origin origin, String source, List<URI> catalogUrls, PacOptions options) {
        PacScript script;
        try {
            script = PacScript.compile(source, origin.script, options);
        } catch (PacException e) {
            LOG.debug("PAC script {}: {} {}", origin.script, e.reason(), e.detail());
            return List.of(origin.failure("", e));
        }
        List<Fact> facts = new ArrayList<>();
        for (URI uri : catalogUrls) {
            String host = uri.getHost();
            if (host == null) {
                continue;
            }
            String url = uri.toString();
            try {
                PacResult r = script.evaluate(url, host);
                facts.add(new PacRoute(origin.script, url, host, r.written(), r.proxies(), LogTime.UNKNOWN, "",
                        new Evidence(origin.file, 0, "FindProxyForURL(\"" + url + "\", \"" + host + "\") = \""
                                + r.written() + "\"")));
            } catch (PacException e) {
                LOG.debug("PAC script {} for {}: {} {}", origin.script, url, e.reason(), e.detail());
                facts.add(origin.failure(url, e));
            }
        }
        return facts;
    }

    /** Where a script came from: its name in facts, and the evidence file. */
    private record Origin(String script, String file, String userInfo) {
        PacFailure failure(String url, PacException e) {
            // an error message may quote the URL it was given: never with its password
            String detail = userInfo.isEmpty() ? e.detail() : e.detail().replace(userInfo, "[redacted]");
            String text = "PAC script " + script + (url.isEmpty() ? "" : " for " + url) + ": "
                    + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
            return new PacFailure(script, url, e.reason(), detail, LogTime.UNKNOWN, "", new Evidence(file, 0, text));
        }
    }

    /** The URL's raw {@code user:password}, or {@code ""}. */
    private static String userInfo(String url) {
        try {
            return java.util.Objects.requireNonNullElse(new URI(url.strip()).getRawUserInfo(), "");
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** The URL without a user name or password, which a report must not carry. */
    static String withoutUserInfo(String url) {
        String trimmed = url.strip();
        try {
            URI u = new URI(trimmed);
            if (u.getRawUserInfo() == null) {
                return PacResultParser.clip(trimmed);
            }
            return PacResultParser.clip(new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(),
                    u.getFragment()).toString());
        } catch (URISyntaxException e) {
            int at = trimmed.lastIndexOf('@');
            return PacResultParser.clip(at >= 0 ? trimmed.substring(at + 1) : trimmed);
        }
    }
}
