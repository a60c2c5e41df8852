package dev.sonde.cli;

import dev.sonde.SondeException;
import dev.sonde.facts.Fact;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.spi.InputFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the recorded probes of a support bundle ({@code sonde collect}) among the paths given to {@code analyze}: a
 * {@code .zip} whose root holds a {@code manifest.json} of format {@value SupportBundle#FORMAT} and a
 * {@code probes.json}. They are replayed as a golden case's are, so analyzing a bundle is the {@code diagnose} that
 * was run where it was collected. Entries are read as streams, within the recorded probes' cap; the logs of the
 * bundle are read by the analysis like any archive's.
 */
final class BundleProbes {

    /** A manifest is a few KiB; more is not one of ours. */
    private static final int MAX_MANIFEST = 1 << 20;

    private BundleProbes() {
    }

    /** The recorded probes of the first bundle among the paths, if any. */
    static Optional<List<Fact>> find(List<Path> paths) {
        List<Fact> facts = new ArrayList<>();
        boolean found = false;
        for (Path p : paths) {
            if (p.toString().toLowerCase(Locale.ROOT).endsWith(".zip") && InputFiles.notRegular(p).isEmpty()) {
                Optional<List<Fact>> recorded = read(p);
                if (recorded.isPresent()) {
                    facts.addAll(recorded.get());
                    found = true;
                }
            }
        }
        return found ? Optional.of(facts) : Optional.empty();
    }

    private static Optional<List<Fact>> read(Path zip) {
        String manifest = null;
        String probes = null;
        try (InputStream in = new BufferedInputStream(InputFiles.open(zip));
                ZipInputStream z = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry e = z.getNextEntry(); e != null && (manifest == null || probes == null); e = z.getNextEntry()) {
                if (e.getName().equals(SupportBundle.MANIFEST)) {
                    manifest = text(z, MAX_MANIFEST);
                } else if (e.getName().equals(RecordedProbes.FILE)) {
                    probes = text(z, RecordedProbes.MAX_BYTES);
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // not a bundle we can read: the analysis says what is wrong with the archive
        }
        if (manifest == null || probes == null || !manifest.contains("\"" + SupportBundle.FORMAT + "\"")) {
            return Optional.empty();
        }
        return Optional.of(RecordedProbes.read(new StringReader(probes), zip + "!/" + RecordedProbes.FILE));
    }

    private static String text(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            throw new SondeException("an entry of the bundle is larger than " + InputFiles.size(max));
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
