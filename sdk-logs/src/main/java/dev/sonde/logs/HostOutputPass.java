package dev.sonde.logs;

import dev.sonde.HostEvidence;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.logs.host.HostOutputs;
import dev.sonde.spi.FactSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one saved command output ({@link HostEvidence}, found by its documented file name): at most
 * {@value #MAX_BYTES} bytes, decoded in the console's OEM code page when they are in it ({@link OemCodePage}: what
 * {@code cmd}'s {@code >} saves), else as a log's are (byte-order marks, UTF-16 as PowerShell's {@code >} writes it,
 * UTF-8, Windows-1252); at most {@value #MAX_LINES} lines, then handed to the source's parser ({@link HostOutputs})
 * whose facts are sent.
 */
final class HostOutputPass {

    /** The most lines read of one output: a machine's whole root store is a few thousand. */
    static final int MAX_LINES = 200_000;
    /** The most facts sent for one output. */
    static final int MAX_FACTS = 20_000;
    /** The most bytes read of one output (the live commands keep 8 MiB). */
    static final int MAX_BYTES = 32 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(HostOutputPass.class);

    private HostOutputPass() {
    }

    static InputSummary read(HostEvidence source, LogInput input, FactSink sink, Consumer<Warning> warnings,
            Instant deadline) {
        String file = input.name();
        List<String> lines = new ArrayList<>();
        long skipped = 0;
        String encoding = "";
        boolean cut = false;
        LogInput decoded = input; // a Reader is already decoded
        Optional<Charset> oem = Optional.empty();
        if (input.reader().isEmpty()) {
            byte[] bytes;
            try (InputStream in = input.openBytes().orElseThrow(() -> new IOException("no content"))) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            } catch (IOException | RuntimeException e) {
                LOG.debug("cannot read {}", file, e);
                warnings.accept(Warning.incomplete(file, 0, "cannot be read: " + e.getMessage()));
                return InputSummary.unreadable(file);
            }
            if (bytes.length > MAX_BYTES) {
                bytes = Arrays.copyOf(bytes, MAX_BYTES);
                warnings.accept(Warning.incomplete(file, 0, "only the first " + (MAX_BYTES >> 20) + " MiB of this output"
                        + " were read, the most Sonde reads of one command's output"));
            }
            oem = OemCodePage.of(bytes);
            decoded = oem.isPresent() ? LogInput.of(file, new StringReader(new String(bytes, oem.get())))
                    : LogInput.ofBytes(file, bytes);
        }
        try (LogLines in = LogLines.open(decoded, deadline)) {
            while (in.next()) {
                if (lines.size() == MAX_LINES) {
                    cut = true;
                    break;
                }
                boolean text = in.kind() == LineText.Kind.TEXT;
                lines.add(text ? in.text() : "");
                skipped += text ? 0 : 1;
            }
            encoding = oem.isPresent() ? OemCodePage.NAME : in.encoding();
            if (in.deadlinePassed()) {
                warnings.accept(Warning.incomplete(file, lines.size() + 1L, "stopped reading at line " + (lines.size() + 1)
                        + ": the analysis deadline passed; that line and the rest of the output were not read"));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read {}", file, e);
            warnings.accept(Warning.incomplete(file, lines.size(), "cannot be read: " + e.getMessage()));
            if (lines.isEmpty()) {
                return InputSummary.unreadable(file);
            }
        }
        if (cut) {
            warnings.accept(Warning.incomplete(file, MAX_LINES + 1L, "only the first " + MAX_LINES
                    + " lines of this output were read, the most Sonde reads of one command's output"));
        }
        var parser = HostOutputs.parser(source);
        if (parser.isEmpty()) {
            warnings.accept(new Warning(file, 0, source == HostEvidence.PROXY_SCRIPT
                    ? "a saved proxy auto-config script is evaluated by Sonde's probes (dev.sonde:sdk-probes),"
                            + " which are not on the class path: the routes it gives Google are unknown"
                    : "the saved output of " + source.fileName() + " is not read by this version of Sonde"));
            return new InputSummary(file, source.format(), encoding, lines.size(), lines.size(), 0,
                    InputSummary.Status.UNRECOGNISED);
        }
        List<Fact> facts;
        try {
            facts = parser.get().parse(file, List.copyOf(lines));
        } catch (RuntimeException e) {
            LOG.warn("could not parse {}", file, e);
            warnings.accept(Warning.incomplete(file, 0, "could not be parsed (an internal error, logged); its facts"
                    + " are missing"));
            facts = List.of();
        }
        int sent = 0;
        for (Fact f : facts) {
            if (sent == MAX_FACTS) {
                warnings.accept(Warning.incomplete(file, 0, "only the first " + MAX_FACTS + " facts of this output were"
                        + " used"));
                break;
            }
            sink.add(f);
            sent++;
        }
        return new InputSummary(file, source.format(), encoding, lines.size(), skipped, sent, InputSummary.Status.READ);
    }
}
