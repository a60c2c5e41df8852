package dev.sonde;

import dev.sonde.spi.InputFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the logs inside {@code .zip} archives (as Windows' "Send to &gt; Compressed folder" makes them) and
 * {@code .gz} files, as inputs named {@code logs.zip!/Identity/auth.log} (a gzip file keeps its own name).
 *
 * <p>Archives come from customers: hostile. Each is read once, as a stream, from the start (never from the sizes
 * or the directory it declares), and every entry read is held in memory within the limits below, counted while
 * inflating. Entry names are only labels: nothing is ever written to disk, so {@code ../} in a name is harmless.
 * An archive inside an archive is not opened (nesting: none), an encrypted entry is refused, and an archive that
 * breaks part-way (truncated, damaged) keeps what was read before the break, with a warning naming the archive.
 * Not thread-safe: one instance per analysis, whose budget it shares between the archives given.
 */
final class LogArchives {

    /** At most this many entries (files and folders) are looked at in one zip archive. */
    static final int MAX_ENTRIES = 10_000;
    /** At most this many bytes are inflated, for all the archives of one analysis together. */
    static final long MAX_TOTAL_BYTES = 512L << 20;
    /** An archive may inflate to at most this many times its own size (a zip bomb inflates about 1,000 times)... */
    static final long MAX_RATIO = 200;
    /** ...once it has inflated this much (a small file may legitimately compress far better). */
    static final long RATIO_FREE_BYTES = 1L << 20;
    /** Entry names longer than this are cut in labels (a zip name may hold 65,535 bytes). */
    static final int MAX_NAME = 512;

    /** Windows' "Compressed folder" writes names in the OEM code page (437 in most places) unless flagged UTF-8. */
    private static final Charset ZIP_NAMES = Charset.isSupported("IBM437") ? Charset.forName("IBM437")
            : StandardCharsets.ISO_8859_1;
    private static final int CHUNK = 64 * 1024;

    private final List<LogInput> inputs;
    private final List<InputSummary> unreadable;
    private final List<Warning> warnings;
    private final Instant deadline;
    private long inflatedInAll;

    LogArchives(List<LogInput> inputs, List<InputSummary> unreadable, List<Warning> warnings, Instant deadline) {
        this.inputs = inputs;
        this.unreadable = unreadable;
        this.warnings = warnings;
        this.deadline = deadline;
    }

    /** Whether Sonde reads this file as an archive ({@code .zip}, {@code .gz}), by its name. */
    static boolean isArchive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".gz");
    }

    /** Reads the logs of one archive file into the inputs, or says in a warning why (some) were not read. */
    void read(Path archive) {
        String label = archive.toString();
        long size;
        try (InputStream raw = InputFiles.open(archive)) {
            size = Math.max(1, Files.size(archive));
            InputStream in = new BufferedInputStream(raw, CHUNK);
            if (label.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                readGzip(label, in, size);
            } else {
                readZip(label, in, size);
            }
        } catch (IOException | RuntimeException e) {
            refuse(label, "not read: " + (e instanceof IOException io ? InputFiles.reason(io) : String.valueOf(e.getMessage())));
        }
    }

    private void readGzip(String label, InputStream in, long size) throws IOException {
        Inflating inflating = new Inflating(label, size);
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(in, CHUNK);
        } catch (ZipException | EOFException e) {
            refuse(label, "not read: it is not a gzip file (it does not start as one)");
            return;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try {
            inflating.copy(gz, content);
        } catch (Stop stop) {
            warnings.add(Warning.incomplete(label, 0, "not read: " + stop.getMessage()));
            return;
        } catch (IOException e) {
            warnings.add(Warning.incomplete(label, 0, "reading stopped part-way, the file is truncated or damaged ("
                    + InputFiles.reason(e) + "); the " + InputFiles.size(content.size()) + " inflated before are read"));
        }
        inputs.add(LogInput.ofBytes(label, content.toByteArray()));
    }

    private void readZip(String label, InputStream in, long size) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        // a ZipInputStream finds nothing, silently, in a file that is not a zip: say so
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || !(magic[2] == 3 && magic[3] == 4
                || magic[2] == 5 && magic[3] == 6)) {
            refuse(label, "not read: it is not a zip archive (it does not start as one)");
            return;
        }
        Inflating inflating = new Inflating(label, size);
        ZipInputStream zip = new ZipInputStream(in, ZIP_NAMES);
        int entries = 0;
        int logs = 0;
        String current = null;
        ByteArrayOutputStream content = null;
        try {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    warnings.add(Warning.incomplete(label, 0, "stopped after " + MAX_ENTRIES + " entries, the most Sonde"
                            + " reads in one archive; the " + logs + " logs before were read"));
                    return;
                }
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                String entryLabel = label + "!/" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name);
                if (isArchive(name)) {
                    warnings.add(Warning.incomplete(entryLabel, 0, "not read: an archive inside an archive is not opened"
                            + " (unpack the outer one and give its folder)"));
                    inflating.copy(zip, OutputSink.DISCARD); // skipped, but what it inflates counts
                    continue;
                }
                if (!name.toLowerCase(Locale.ROOT).endsWith(".log") && HostEvidence.ofFile(name).isEmpty()) {
                    inflating.copy(zip, OutputSink.DISCARD); // skipped, but a bomb in it still counts
                    continue;
                }
                current = entryLabel;
                content = new ByteArrayOutputStream();
                inflating.copy(zip, content);
                inputs.add(LogInput.ofBytes(entryLabel, content.toByteArray()));
                logs++;
                current = null;
            }
            if (logs == 0) {
                warnings.add(new Warning(label, 0, "the archive holds no *.log file (nor host evidence)"));
            }
        } catch (Stop stop) {
            warnings.add(Warning.incomplete(current != null ? current : label, 0, "not read: " + stop.getMessage()
                    + "; the " + logs + " logs before it in " + label + " were read"));
        } catch (IOException e) {
            String why = e instanceof ZipException && String.valueOf(e.getMessage()).contains("encrypted")
                    ? "an entry is encrypted (password-protected), and Sonde reads no encrypted archive: unzip it with"
                            + " its password and give the folder"
                    : "the archive is truncated or damaged (" + InputFiles.reason(e) + ")";
            if (current != null && content != null && content.size() > 0) {
                inputs.add(LogInput.ofBytes(current, content.toByteArray()));
                logs++;
            }
            warnings.add(Warning.incomplete(label, 0, "reading stopped after entry " + entries + ": " + why + "; the "
                    + logs + " logs read before the break" + (current != null ? " (the last one in part)" : "")
                    + " are analyzed"));
        }
    }

    private void refuse(String label, String why) {
        unreadable.add(InputSummary.unreadable(label));
        warnings.add(Warning.incomplete(label, 0, why));
    }

    /** Where inflated bytes go: memory, or nowhere (an entry that is not a log). */
    private interface OutputSink {
        OutputSink DISCARD = (b, n) -> { };

        void write(byte[] b, int n);
    }

    /** The limits, counted while inflating one archive. */
    private final class Inflating {
        private final String label;
        private final long size;
        private long inflated;

        Inflating(String label, long size) {
            this.label = label;
            this.size = size;
        }

        void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
            copy(in, (b, n) -> out.write(b, 0, n));
        }

        void copy(InputStream in, OutputSink out) throws IOException {
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.read(buf)) >= 0) {
                inflated += n;
                inflatedInAll += n;
                if (inflatedInAll > MAX_TOTAL_BYTES) {
                    throw new Stop("the archives of this analysis inflate to more than " + InputFiles.size(MAX_TOTAL_BYTES)
                            + ", the most Sonde holds");
                }
                if (inflated > RATIO_FREE_BYTES && inflated > size * MAX_RATIO) {
                    throw new Stop(label + " inflates to more than " + MAX_RATIO + " times its size (a zip bomb?)");
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new Stop("the analysis deadline passed while inflating it");
                }
                out.write(buf, n);
            }
        }
    }

    /** A limit reached: reading the archive stops, what was read whole is kept. */
    private static final class Stop extends IOException {
        Stop(String message) {
            super(message);
        }
    }
}
