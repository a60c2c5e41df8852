package dev.sonde.logs;

import dev.sonde.HostEvidence;
import dev.sonde.LogInput;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.spi.FactSink;
import dev.sonde.spi.InputFiles;
import dev.sonde.spi.LogReader;
import dev.sonde.spi.Redaction;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the logs of Google Workspace Sync for Microsoft Outlook and its siblings: trace logs
 * ({@link TraceLogFormat}) and authorization logs ({@link AuthorizationLogFormat}), the format decided
 * per file from its first record; and the saved outputs of Windows commands ({@link HostEvidence}, by their
 * documented file names: {@link HostOutputPass}). One streaming pass; memory holds one record at a time.
 *
 * <p>A record is a line with a record prefix plus the lines without one that follow it (certificate
 * blocks, failure details), capped at {@value LogRecord#MAX_CONTINUATIONS} lines; it is decoded by
 * {@link RecordDecoder} once complete. Lines before the first record are a trace header block
 * ({@link ClientInfoDecoder}) or skipped; binary lines are skipped; both are counted in
 * {@link InputSummary#linesSkipped()}. Never throws for bad content: problems become warnings
 * (at most {@value #MAX_WARNINGS} per input, then one saying how many more).
 *
 * <p>Warnings say whether something that could hold evidence was lost ({@link Warning#incomplete}): a line
 * cut at the line cap, a record's lines skipped past its cap, an input that cannot be opened (a folder, a named
 * pipe, a device, a socket are never opened) or that fails midway, content that could not be decoded as text,
 * a record the decoder failed on, the deadline (checked at every buffer fill and every
 * {@value #DEADLINE_EVERY} lines). Lines of no known format and runs of NUL bytes (a zero-filled region left by
 * a crash) lose nothing: notes. The count of warnings not shown is incomplete when one of them was.
 *
 * <p>{@link InputSummary#encoding()} names the encodings the input was read in, first one first, joined by
 * {@code +} when a region was in another ({@code UTF-8+UTF-16LE}); see {@link LogLines}.
 *
 * <p>Stateless and thread-safe: each {@link #read} call keeps its state to itself.
 */
public final class GwsmoLogReader implements LogReader {

    /** Warnings reported per input before they are only counted. */
    static final int MAX_WARNINGS = 20;
    /** How often (in lines) the deadline is checked. */
    static final int DEADLINE_EVERY = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(GwsmoLogReader.class);

    /** False for the reference path of the tests: every line made a {@code String} and every record decoded. */
    private final boolean prefilter;
    /** Inputs of at least this many bytes are read ahead on a second thread ({@link ChunkReader}). */
    private final long readAheadFrom;
    private final int chunkSize;

    /** The reader; {@link java.util.ServiceLoader} finds it. */
    public GwsmoLogReader() {
        this(true);
    }

    /**
     * The reader, reading inputs of at least {@code readAheadFrom} bytes ahead on a second thread in chunks of
     * {@code chunkSize} bytes: for the tests, which force small chunks so that records straddle them.
     */
    GwsmoLogReader(long readAheadFrom, int chunkSize) {
        this.prefilter = true;
        this.readAheadFrom = readAheadFrom;
        this.chunkSize = chunkSize;
    }

    /**
     * @param prefilter true to read plain ASCII lines from their bytes and decode only records that hold a trigger
     *                  word ({@link TriggerScan}), each with only the decoders whose words it holds
     *                  ({@link RecordDecoder#NEEDS}); false reads every line as text and offers every record to every
     *                  decoder, the straightforward way the tests compare it to
     */
    GwsmoLogReader(boolean prefilter) {
        this.prefilter = prefilter;
        this.readAheadFrom = prefilter ? ChunkReader.MIN_INPUT : Long.MAX_VALUE;
        this.chunkSize = ChunkReader.CHUNK;
    }

    @Override
    public InputSummary read(LogInput input, FactSink facts, Consumer<Warning> warnings, Instant deadline) {
        Optional<HostEvidence> host = HostEvidence.ofFile(input.name());
        if (host.isPresent()) { // a saved command output, by its documented name (docs/host-evidence.md)
            return HostOutputPass.read(host.get(), input, facts, warnings, deadline);
        }
        return new Pass(input.name(), facts, warnings, deadline, prefilter).run(input, readAheadFrom, chunkSize);
    }

    /** The state of reading one input. */
    private static final class Pass {
        private final String file;
        private final FactSink sink;
        private final Consumer<Warning> warningSink;
        private final Instant deadline;
        private final RecordDecoder decoder;
        private final LogRecord record = new LogRecord();
        private final ClientInfoDecoder client;

        private String format;
        private long linesRead;
        private long skipped;
        private long facts;
        private int warningsGiven;
        private long warningsHeld;
        private boolean heldIncomplete;
        private long binaryLines;
        private long binaryBytes;
        private long firstBinaryLine;
        private long nulLines;
        private long nulBytes;
        private long firstNulLine;
        private long headerLines;
        /** The line at which the deadline stopped reading, or 0. */
        private long stoppedAt;
        private boolean recordOverflowWarned;
        private String firstContent;
        private long firstContentLine;

        private final boolean prefilter;

        Pass(String file, FactSink sink, Consumer<Warning> warnings, Instant deadline, boolean prefilter) {
            this.prefilter = prefilter;
            this.file = file;
            this.sink = sink;
            this.warningSink = warnings;
            this.deadline = deadline;
            this.decoder = new RecordDecoder(file, prefilter);
            this.client = new ClientInfoDecoder(file);
        }

        InputSummary run(LogInput input, long readAheadFrom, int chunkSize) {
            LogLines lines;
            try {
                lines = LogLines.open(input, deadline, readAheadFrom, chunkSize);
            } catch (IOException | RuntimeException e) {
                log("cannot open " + file, e);
                // a folder, pipe, device or socket is refused before it is opened: the reason says which
                warningSink.accept(Warning.incomplete(file, 0, "cannot be opened: " + describe(e)));
                return InputSummary.unreadable(file);
            }
            String encoding;
            boolean failed = false;
            try (lines) {
                loop(lines);
                if (stoppedAt == 0 && lines.deadlinePassed()) {
                    stoppedAt = linesRead + 1;
                }
            } catch (IOException | RuntimeException e) {
                log("read error in " + file, e);
                warn(true, linesRead, "reading stopped after line " + linesRead + " because of a read error: " + describe(e));
                failed = true;
            } finally {
                encoding = lines.encoding();
            }
            if (stoppedAt > 0) {
                warningSink.accept(Warning.incomplete(file, stoppedAt, "stopped reading at line " + stoppedAt
                        + ": the analysis deadline passed; that line and the rest of the input were not read"));
            }
            flushRecord();
            client.atEnd().ifPresent(this::emit);
            if (!client.headerPresent()) {
                skipped += headerLines; // looked like a header block, but was not one
            }
            if (binaryLines > 0) {
                warn(true, firstBinaryLine, "binary content (NUL or control characters), not text in any encoding Sonde reads,"
                        + " skipped: " + (binaryLines == 1 ? "1 line" : binaryLines + " such lines in all")
                        + " (" + InputFiles.size(binaryBytes) + ")");
            }
            if (nulLines > 0) {
                warn(false, firstNulLine, InputFiles.size(nulBytes) + " of NUL bytes only (a zero-filled region, as a crash can"
                        + " leave) skipped" + (nulLines == 1 ? "" : " in " + nulLines + " lines"));
            }
            if (warningsHeld > 0) {
                String more = warningsHeld + " more warnings about this input were not shown";
                warningSink.accept(heldIncomplete ? Warning.incomplete(file, 0, more) : new Warning(file, 0, more));
            }
            if (format == null && client.headerPresent()) {
                format = TraceLogFormat.NAME;
            }
            if (format == null) {
                if ((failed && linesRead == 0) || stoppedAt > 0) {
                    // nothing recognised before reading stopped: not read, rather than "not a log"
                    return new InputSummary(file, InputSummary.UNKNOWN_FORMAT, encoding, linesRead, skipped, facts,
                            InputSummary.Status.UNREADABLE);
                }
                warningSink.accept(new Warning(file, 0, unrecognised()));
                return new InputSummary(file, InputSummary.UNKNOWN_FORMAT, encoding, linesRead, skipped, facts,
                        InputSummary.Status.UNRECOGNISED);
            }
            return new InputSummary(file, format, encoding, linesRead, skipped, facts, InputSummary.Status.READ);
        }

        private String unrecognised() {
            if (linesRead == 0) {
                return "not a GWSMO trace or authorization log: the input is empty";
            }
            if (firstContent == null) {
                return "not a GWSMO trace or authorization log: none of its " + linesRead
                        + " lines holds readable text";
            }
            return "not a GWSMO trace or authorization log: none of its " + linesRead
                    + " lines starts like a trace record (\"2017-09-21T04:10:04.356-03:00 1a20 E:...\") or an authorization"
                    + " record (\"[2022-09-21T03:59:46:ERROR:...]\"); line " + firstContentLine + " reads \""
                    + Redaction.redact(Ascii.excerpt(firstContent)) + "\"";
        }

        private void loop(LogLines lines) throws IOException {
            while (lines.next()) {
                long n = lines.number();
                linesRead = n;
                if (n % DEADLINE_EVERY == 0 && Instant.now().isAfter(deadline)) {
                    stoppedAt = n;
                    linesRead = n - 1;
                    return;
                }
                if (lines.kind() != LineText.Kind.TEXT) {
                    skipped++;
                    if (lines.kind() == LineText.Kind.NUL) {
                        nulBytes += lines.rawLength();
                        if (nulLines++ == 0) {
                            firstNulLine = n;
                        }
                    } else {
                        binaryBytes += lines.rawLength();
                        if (binaryLines++ == 0) {
                            firstBinaryLine = n;
                        }
                    }
                    continue;
                }
                if (prefilter && lines.plain() && firstContent != null && plainRecordStart(lines, n)) {
                    continue;
                }
                String text = lines.text();
                if (lines.discarded() > 0) {
                    warn(true, n, "line is longer than " + LogLines.MAX_LINE + " characters; only its first "
                            + LogLines.MAX_LINE + " were read (" + lines.discarded() + " more ignored)");
                }
                if (firstContent == null && !text.isBlank()) {
                    firstContent = text;
                    firstContentLine = n;
                }
                RecordStart start = parseStart(text);
                if (start != null) {
                    flushRecord();
                    if (format == null) {
                        format = start.format();
                    }
                    record.begin(n, text, start);
                    recordOverflowWarned = false;
                    client.atRecord(start, n, text).ifPresent(this::emit);
                } else if (record.isOpen()) {
                    LineIndex ahead = lines.ahead();
                    if (!record.add(n, text, ahead != null && ahead.message() < 0 ? ahead.words() : -1)) {
                        skipped++;
                        if (!recordOverflowWarned) {
                            recordOverflowWarned = true;
                            warn(true, n, "the record starting at line " + record.firstLine() + " is longer than "
                                    + LogRecord.MAX_CONTINUATIONS + " lines or " + LogRecord.MAX_CHARS
                                    + " characters; its remaining lines were skipped");
                        }
                    }
                } else if (format == null && client.acceptHeader(n, text)) {
                    headerLines++; // part of the trace file's header block
                } else {
                    skipped++;
                }
            }
        }

        /**
         * Begins a trace record from the bytes of a plain ASCII line ({@link LogLines#plain()}) without making its
         * text, when the line starts one and nothing needs its text now (the format and the client are known);
         * false when the line is to be read as text.
         */
        private boolean plainRecordStart(LogLines lines, long n) {
            byte[] b = lines.bytes();
            int len = lines.byteCount();
            if (len == 0 || b[0] < '0' || b[0] > '9' || format == null || !client.done()) {
                return false;
            }
            LineIndex ahead = lines.ahead(); // the line split ahead on another thread, or null
            int message = ahead != null ? ahead.message() : TraceLogFormat.messageStart(b, len);
            if (message < 0) {
                return false;
            }
            flushRecord();
            if (ahead != null && ahead.start() != null) {
                record.begin(n, ahead.text(), ahead.start(), ahead.words());
            } else {
                record.beginPlain(n, b, len, message, ahead != null ? ahead.words() : TriggerScan.DECODERS.scan(b, message, len));
            }
            recordOverflowWarned = false;
            return true;
        }

        private static RecordStart parseStart(String text) {
            if (text.isEmpty()) {
                return null;
            }
            char c = text.charAt(0);
            if (c == '[') {
                return AuthorizationLogFormat.parse(text);
            }
            if (c >= '0' && c <= '9') {
                return TraceLogFormat.parse(text);
            }
            return null;
        }

        private void flushRecord() {
            if (!record.isOpen()) {
                return;
            }
            if (prefilter && !record.anyTrigger()) {
                record.close(); // no line holds a trigger word: no decoder would find anything
                return;
            }
            List<Fact> found;
            try {
                found = decoder.decode(record);
            } catch (RuntimeException e) {
                LOG.warn("could not decode the record at {}:{}", file, record.firstLine(), e);
                warn(true, record.firstLine(), "the record starting at line " + record.firstLine()
                        + " could not be decoded (an internal error, logged); it was skipped");
                found = List.of();
            } finally {
                record.close();
            }
            for (Fact f : found) {
                emit(f);
            }
        }

        private void emit(Fact f) {
            facts++;
            sink.add(f);
        }

        /** A warning, {@link Warning#incomplete} when something that could hold evidence was lost. */
        private void warn(boolean incomplete, long line, String message) {
            if (warningsGiven < MAX_WARNINGS) {
                warningsGiven++;
                warningSink.accept(incomplete ? Warning.incomplete(file, line, message) : new Warning(file, line, message));
            } else {
                warningsHeld++;
                heldIncomplete |= incomplete;
            }
        }

        /** I/O errors are the input's: debug; anything else is a bug here: warn, with its stack trace. */
        private static void log(String what, Exception e) {
            if (e instanceof IOException) {
                LOG.debug(what, e);
            } else {
                LOG.warn(what, e);
            }
        }

        /** An I/O failure in plain words (no Java class names). */
        private static String describe(Exception e) {
            return e instanceof IOException io ? InputFiles.reason(io) : "an internal error (logged)";
        }
    }
}
