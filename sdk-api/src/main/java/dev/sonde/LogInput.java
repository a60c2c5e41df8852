package dev.sonde;

import dev.sonde.spi.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One log to analyze: a file, a byte stream (encoding detected) or a character stream (already
 * decoded), each with the name that evidence will quote. Streams are read once.
 */
public final class LogInput {
    private final String name;
    private final Path path;
    private final InputStream bytes;
    private final Reader chars;

    private LogInput(String name, Path path, InputStream bytes, Reader chars) {
        this.name = Objects.requireNonNull(name, "name");
        this.path = path;
        this.bytes = bytes;
        this.chars = chars;
    }

    /** A log file; its name in reports is the path as given. */
    public static LogInput of(Path file) {
        return new LogInput(file.toString(), file, null, null);
    }

    /** A byte stream with the name reports quote; the encoding is detected (BOM, UTF-8, Windows-1252). */
    public static LogInput of(String name, InputStream stream) {
        return new LogInput(name, null, Objects.requireNonNull(stream, "stream"), null);
    }

    /** A character stream with the name reports quote. */
    public static LogInput of(String name, Reader reader) {
        return new LogInput(name, null, null, Objects.requireNonNull(reader, "reader"));
    }

    /** Log text held in memory, e.g. in a unit test. */
    public static LogInput ofText(String name, String text) {
        return of(name, new StringReader(text));
    }

    /** Log bytes held in memory. */
    public static LogInput ofBytes(String name, byte[] content) {
        return of(name, new ByteArrayInputStream(content));
    }

    /** The name evidence quotes for this input. */
    public String name() {
        return name;
    }

    /** The file behind this input, if it is one. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The already-decoded characters, when the input was given as a {@link Reader}. */
    public Optional<Reader> reader() {
        return Optional.ofNullable(chars);
    }

    /**
     * Opens the raw bytes (a file or the given stream). Empty when the input is a {@link Reader}. A file is
     * opened only when it is a regular file (never a named pipe, device or socket: see {@link InputFiles}).
     *
     * @throws IOException when the file cannot be opened, or is not a regular file (saying which it is)
     */
    public Optional<InputStream> openBytes() throws IOException {
        if (path != null) {
            return Optional.of(InputFiles.open(path));
        }
        return Optional.ofNullable(bytes);
    }

    @Override
    public String toString() {
        return name;
    }

}
