package dev.sonde.rules.pack;

import dev.sonde.ProbeCatalog;
import dev.sonde.RulePackException;
import dev.sonde.SondeException;
import dev.sonde.rules.model.AllowedUrl;
import dev.sonde.rules.model.TrustedRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An endpoint catalog given as a file ({@code --endpoints FILE}, {@code Sonde.Builder.endpoints}): a data file
 * with an {@code endpoints} section, which must list at least one http or https URL, and optionally a
 * {@code trustAnchors} section (the pack's anchors are used when it has none). Nothing else belongs in it. The
 * file is read only when it is a regular file of at most {@value #MAX_BYTES} bytes.
 *
 * <p>Why no fall-back for endpoints: a catalog without endpoints used to be completed with the pack's (Google's
 * real hosts), so a lab user who pointed Sonde at a private catalog got Google probed instead.
 */
public final class CatalogFile {

    /** The largest catalog file read: 1 MiB (the built-in endpoints and anchors take 12 KiB). */
    static final int MAX_BYTES = 1 << 20;

    private CatalogFile() {
    }

    /**
     * Reads the catalog in {@code file}; trust anchors it lacks come from {@code fallback}.
     *
     * @throws SondeException one sentence naming the file (and line and column) when it cannot be read, is not
     *                        valid, has a section other than endpoints and trustAnchors, or lists no endpoint
     */
    public static ProbeCatalog read(Path file, ProbeCatalog fallback) {
        String name = file.toString();
        List<PackData.Section> sections;
        try {
            sections = PackData.sections(name, RulePack.readText(file, MAX_BYTES, "the endpoint catalog"));
        } catch (RulePackException e) { // a catalog is no pack: said as a file of its own
            throw new SondeException(e.problems().get(0).located(), e);
        }
        List<ProbeCatalog.Endpoint> endpoints = new ArrayList<>();
        List<ProbeCatalog.RootCertificate> anchors = new ArrayList<>();
        boolean listed = false;
        for (PackData.Section s : sections) {
            String at = JsonErrors.prefix(name, s.at());
            switch (s.name()) {
                case "endpoints" -> {
                    listed = true;
                    if (s.records().isEmpty()) {
                        throw new SondeException(at + "'endpoints' is empty; list at least one URL to probe");
                    }
                    for (Object o : s.records()) {
                        AllowedUrl e = (AllowedUrl) o;
                        endpoints.add(new ProbeCatalog.Endpoint(e.service(), e.url(), e.host(), e.scheme(), e.port()));
                    }
                }
                case "trustAnchors" -> s.records().forEach(o -> {
                    TrustedRoot a = (TrustedRoot) o;
                    anchors.add(new ProbeCatalog.RootCertificate(a.name(), a.sha256(), a.pem()));
                });
                default -> throw new SondeException(at + "section '" + s.name()
                        + "' does not belong in an endpoint catalog (only endpoints and trustAnchors do)");
            }
        }
        if (!listed) {
            throw new SondeException(name + ": no 'endpoints' section; an endpoint catalog must list the URLs to probe"
                    + " (the built-in catalog is not used in its place)");
        }
        return new ProbeCatalog(endpoints, anchors.isEmpty() ? fallback.trustAnchors() : anchors);
    }
}
