package dev.sonde.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sonde.HostEvidence;
import dev.sonde.logs.OemCodePage;
import dev.sonde.spi.InputFiles;
import dev.sonde.spi.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A support bundle being written ({@code sonde collect}): a zip holding {@code logs/<folder>/...} (each log decoded,
 * its secrets removed line by line as reports remove them, personal data pseudonymized when asked, written as UTF-8),
 * the other files the command adds, and {@code manifest.json} saying what is in the bundle and what was skipped and
 * why. Bounded: logs larger than {@link #MAX_LOG_BYTES} or beyond {@link #MAX_TOTAL_BYTES} in all are skipped (named
 * in the manifest), and so is everything once the deadline has passed. Not thread-safe.
 */
final class SupportBundle implements AutoCloseable {

    /** The bundle format, in {@code manifest.json}. */
    static final String FORMAT = "sonde.bundle/1";
    /** The manifest's entry name. */
    static final String MANIFEST = "manifest.json";
    /** A log larger than this is not copied (a GWSMO trace rarely exceeds a few MiB). */
    static final long MAX_LOG_BYTES = 64L << 20;
    /** At most this much log text is copied in all. */
    static final long MAX_TOTAL_BYTES = 256L << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ZipOutputStream zip;
    private final Instant deadline;
    private final UnaryOperator<String> personal;
    private final Map<String, Object> manifest = new LinkedHashMap<>();
    private final List<Map<String, Object>> logs = new ArrayList<>();
    private final List<Map<String, Object>> host = new ArrayList<>();
    private final List<Map<String, String>> skipped = new ArrayList<>();
    private final Set<String> folderNames = new HashSet<>();
    private long copied;
    private int older;

    SupportBundle(OutputStream out, Instant deadline, boolean anonymize) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.deadline = deadline;
        this.personal = anonymize ? Redaction.pseudonyms() : UnaryOperator.identity();
        manifest.put("format", FORMAT);
        manifest.put("createdAt", Instant.now().toString());
        manifest.put("anonymized", anonymize);
    }

    /** A fact for the manifest ({@code os}, {@code java}, {@code sonde}, {@code proxyEnvironment} ...). */
    void describe(String key, Object value) {
        manifest.put(key, value);
    }

    /** Something that is not in the bundle, and why. */
    void skip(String what, String why) {
        skipped.add(Map.of("what", personal.apply(Redaction.redact(what)), "why", why));
    }

    boolean late() {
        return Instant.now().isAfter(deadline);
    }

    /** Adds a file of the command's own making (already free of secrets). */
    void add(String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** A host evidence source's output, decoded as a log is and cleaned, under {@code host/<file>}. */
    void addHost(HostEvidence source, byte[] output) throws IOException {
        add("host/" + source.fileName(), cleaned(decode(output)).getBytes(StandardCharsets.UTF_8));
        host.add(Map.of("entry", "host/" + source.fileName(), "bytes", output.length));
    }

    /** Copies the {@code *.log} files of a folder modified since {@code since}, under {@code logs/<folder name>/}. */
    void addLogs(Path folder, Instant since) throws IOException {
        String base = folder.getFileName() == null ? "logs" : folder.getFileName().toString();
        String name = base;
        for (int i = 2; !folderNames.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder, 16)) { // links to folders are not followed: no loops
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".log")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            skip(folder.toString(), "cannot be searched: " + (e instanceof IOException io ? InputFiles.reason(io) : e.getMessage()));
            return;
        }
        for (Path file : files) {
            String entry = "logs/" + name + "/" + folder.relativize(file).toString().replace('\\', '/');
            if (late()) {
                skip(file.toString(), "the collection deadline passed before it was reached");
                continue;
            }
            var why = InputFiles.notRegular(file);
            if (why.isPresent()) {
                skip(file.toString(), why.get());
                continue;
            }
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            if (modified.isBefore(since)) {
                older++; // not asked for: counted in the manifest
                continue;
            }
            long size = Files.size(file);
            if (size > MAX_LOG_BYTES) {
                skip(file.toString(), "larger than " + InputFiles.size(MAX_LOG_BYTES) + " (" + size + " bytes)");
                continue;
            }
            if (copied + size > MAX_TOTAL_BYTES) {
                skip(file.toString(), "the bundle already holds " + InputFiles.size(MAX_TOTAL_BYTES) + " of logs");
                continue;
            }
            byte[] bytes;
            try {
                bytes = InputFiles.read(file, MAX_LOG_BYTES, "the log");
            } catch (RuntimeException e) {
                skip(file.toString(), String.valueOf(e.getMessage()));
                continue;
            }
            copied += bytes.length;
            add(entry, cleaned(decode(bytes)).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("entry", personal.apply(Redaction.redact(entry)));
            log.put("from", personal.apply(Redaction.redact(file.toString())));
            log.put("modified", modified.toString());
            log.put("bytes", bytes.length);
            logs.add(log);
        }
    }

    /** The text with secrets removed line by line (and personal data replaced when asked). */
    private String cleaned(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            out.append(personal.apply(Redaction.redact(text.substring(from, to))));
            from = to;
        }
        return out.toString();
    }

    /** A log's text: its byte-order mark's encoding, else UTF-8 when it is valid, else Windows-1252 (as the reader). */
    static String decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        Optional<Charset> oem = OemCodePage.of(b); // cmd's console code page: 850 on French and German Windows
        if (oem.isPresent()) {
            return new String(b, oem.get());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("windows-1252"));
        }
    }

    /** Writes the manifest last (it lists everything) and finishes the zip. */
    @Override
    public void close() throws IOException {
        manifest.put("logs", logs);
        manifest.put("host", host);
        manifest.put("olderLogsLeftOut", older);
        manifest.put("skipped", skipped);
        try {
            add(MANIFEST, JSON.writeValueAsBytes(manifest));
        } finally {
            zip.close();
        }
    }
}
