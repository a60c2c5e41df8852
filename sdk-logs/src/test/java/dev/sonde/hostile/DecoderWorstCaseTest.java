package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.logs.GwsmoLogReader;
import dev.sonde.testsupport.ReadResult;
import dev.sonde.testsupport.WorstCaseLines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "time is bounded": every decoder and format parser of untrusted text is linear in the line length.
 * Each is fed generated worst cases: every trigger word and prefix the parsers look for (read from their own
 * source by {@link WorstCaseLines}, not picked by hand), followed by a long run of spaces, tabs, digits, hex
 * digits, {@code 0x}, colons, {@code =}, dashes, {@code CN=}, quotes ..., as record-start lines, continuation
 * lines, certificate block lines and header lines, up to the 64 KiB line cap. A line that takes more than a
 * second fails: a guard with a wide margin (linear code needs a few milliseconds for the longest line; the cubic
 * error-number pattern this replaced needed about 20 s for 1,500 spaces, and weeks for 64 KiB), not a
 * performance test.
 *
 * <p>Two sizes keep the run short: every trigger in every context on 2 KiB lines (where anything worse than
 * quadratic already takes seconds), and 64 KiB lines of four 16 KiB worst cases each (where a quadratic decoder
 * takes seconds) fed to the contexts whose code looks for those triggers.
 */
class DecoderWorstCaseTest {

    /** The reader's line cap (LogLines.MAX_LINE); {@link #theLongestLinesAreReadWhole} proves it. */
    static final int LINE_CAP = 64 * 1024;
    static final int SHORT = 2 * 1024;
    /** Worst cases per line at the cap: each run is 16 KiB long. */
    static final int PER_LINE = 4;
    static final Duration LIMIT = Duration.ofSeconds(1);

    private static final String TRACE = "2024-05-06T07:08:09.010+02:00 2c4 E:Network Module!WinHttp::HandleCallback @ 100 ()> ";
    private static final String AUTH = "[2024-05-06T07:08:09:ERROR:windows_http.cc(100)] ";
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "sonde", "logs");
    /** Every decoder of the package (a class named {@code *Decoder}), listed from its sources: a new one is covered. */
    private static final List<String> DECODERS = WorstCaseLines.sources(SOURCES).stream()
            .map(p -> p.getFileName().toString().replace(".java", "")).filter(n -> n.endsWith("Decoder")).toList();
    /** What reads a certificate block: its decoder and the helpers it calls. */
    private static final List<String> CERTIFICATE_CODE =
            List.of("CertificateDecoder", "CertificateBlock", "ValidityDates", "IsoTime"); // and host.DistinguishedName: no regex
    /** What reads a record's lines: every decoder, and what they share. */
    private static final List<String> RECORD_CODE = Stream.of(DECODERS, CERTIFICATE_CODE,
            List.of("RecordText", "Ascii", "TraceLogFormat")).flatMap(List::stream).distinct().toList();

    /**
     * Where a worst-case line {@code w} is put (each gives a whole log), and the classes whose triggers it gets at
     * the cap.
     */
    private record Context(String name, UnaryOperator<String> log, List<String> code) {
    }

    private static final List<Context> CONTEXTS = List.of(
            new Context("trace record start", w -> TRACE + w + "\n", RECORD_CODE),
            new Context("continuation line", w -> TRACE + "Failure details:\n" + w + "\n", RECORD_CODE),
            new Context("authorization record start", w -> AUTH + w + "\n", List.of("AuthorizationLogFormat", "IsoTime")),
            new Context("certificate details line", w -> TRACE + "Certificate details: " + w + "\n", CERTIFICATE_CODE),
            new Context("line after certificate details", w -> TRACE + "Certificate details:\n" + w + "\n",
                    CERTIFICATE_CODE),
            new Context("certificate subject line", w -> TRACE + "Certificate details:\n---Subject---\n" + w + "\n",
                    CERTIFICATE_CODE),
            new Context("certificate validity line", w -> TRACE + "Certificate details:\n---Validity--\n" + w + "\n",
                    CERTIFICATE_CODE),
            new Context("line before the first record", w -> w + "\n" + TRACE + "started\n",
                    List.of("ClientInfoDecoder", "TraceLogFormat", "AuthorizationLogFormat", "IsoTime")));

    private static final GwsmoLogReader READER = new GwsmoLogReader();

    @BeforeAll
    static void setUp() {
        assertThat(SOURCES).as("sdk-logs' sources (tests run in the module folder)").isDirectory();
    }

    /** The triggers in the sources of the named classes of {@code dev.sonde.logs}, and the run alone (""). */
    private static List<String> triggers(List<String> classes) {
        List<String> out = new ArrayList<>(WorstCaseLines.triggers(
                classes.stream().map(c -> SOURCES.resolve(c + ".java")).toList()));
        out.add(0, "");
        return out;
    }

    private static List<String> allLogCode() {
        return CONTEXTS.stream().flatMap(c -> c.code().stream()).distinct().toList();
    }

    @Test
    void everyDecoderOfThePackageIsFedItsTriggers() {
        assertThat(DECODERS).contains("TlsFailureDecoder", "NetworkErrorDecoder", "DestinationDecoder", "ProxyEventDecoder",
                "CertificateDecoder", "ClientInfoDecoder", "ServerAnswerDecoder", "RecordDecoder");
        // a class named here that was renamed away would otherwise be skipped in silence
        assertThat(allLogCode()).allSatisfy(c -> assertThat(SOURCES.resolve(c + ".java")).isRegularFile());
    }

    @Test
    void theTriggersComeFromTheDecodersThemselves() {
        assertThat(triggers(allLogCode())).hasSizeGreaterThan(100)
                // words of patterns, prefixes of hand scans, phrases of contains() checks, header keys
                .contains("hr", "code", "error", "status", "info", "internet", "destination", "details", "proxy", "407",
                        "WinHttp", "API", "flags", "subject", "issuer", "valid", "expires", "0x", "-21470", "0x8007",
                        "certificate details", "proxy-authenticate", "winhttp_callback_status_flag_", "--", " to ",
                        "exe name", "product version", "headers_available", "fetched", "http/");
    }

    @Test
    void theLongestLinesAreReadWhole() {
        String w = "x".repeat(LINE_CAP - TRACE.length());
        assertThat(ReadResult.read("cap.log", TRACE + w + "\n").warnings()).isEmpty();
        assertThat(ReadResult.read("cap.log", TRACE + w + "y\n").warnings())
                .singleElement().extracting(Warning::message).asString().contains("longer than " + LINE_CAP);
    }

    @Test
    void everyLogDecoderStaysFastOnShortWorstCasesOfEveryTrigger() {
        List<String> triggers = triggers(allLogCode());
        for (Context c : CONTEXTS) {
            for (String trigger : triggers) {
                for (String filler : WorstCaseLines.FILLERS) {
                    for (String ending : WorstCaseLines.ENDINGS) {
                        String w = WorstCaseLines.line(trigger, filler, ending, SHORT);
                        read(c.name() + ": " + describe(List.of(trigger), filler, ending, SHORT), c.log().apply(w));
                    }
                }
            }
        }
    }

    @Test
    void everyLogDecoderIsLinearUpToTheLineCap() {
        for (Context c : CONTEXTS) {
            List<String> triggers = triggers(c.code());
            for (int from = 0; from < triggers.size(); from += PER_LINE) {
                List<String> group = triggers.subList(from, Math.min(triggers.size(), from + PER_LINE));
                for (String filler : WorstCaseLines.FILLERS) {
                    for (String ending : WorstCaseLines.ENDINGS) {
                        StringBuilder w = new StringBuilder(LINE_CAP);
                        int each = (LINE_CAP - TRACE.length()) / PER_LINE;
                        group.forEach(t -> w.append(WorstCaseLines.line(t, filler, ending, each)));
                        read(c.name() + ": " + describe(group, filler, ending, w.length()), c.log().apply(w.toString()));
                    }
                }
            }
        }
    }

    private static void read(String what, String log) {
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        ReadResult r = within(what, LIMIT, () -> ReadResult.read(READER, LogInput.ofBytes("worst.log", bytes),
                Instant.now().plusSeconds(600)));
        assertThat(r.internalErrors()).as(what).isEmpty();
    }

    /**
     * The reproduction: a 3 KB trace file of lines with {@code code}, {@code error} or {@code hr} followed
     * by spaces kept {@code analyze --deadline 5} busy for minutes. It is now read whole, well within its deadline,
     * and the error numbers after the spaces are still found.
     */
    @Test
    void aThreeKilobyteFileOfWorstCaseLinesIsReadWithinItsDeadline(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        StringBuilder text = new StringBuilder();
        String[] words = {"code", "error", "hr"};
        for (int i = 0; text.length() < 3000; i++) {
            text.append(TRACE).append(words[i % 3]).append(" ".repeat(600)).append(i % 2 == 0 ? "x" : "12002").append('\n');
        }
        Path file = dir.resolve("Trace-2024-05-06-07-08-09-p1.log");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertThat(Files.size(file)).isBetween(3000L, 4000L);
        Duration deadline = Duration.ofSeconds(5);
        Instant start = Instant.now();
        ReadResult r = within("the 3 KB file", deadline,
                () -> ReadResult.read(new GwsmoLogReader(), LogInput.of(file), start.plus(deadline)));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.summary().linesRead()).isEqualTo(text.chars().filter(c -> c == '\n').count());
        assertThat(r.networkErrors()).isNotEmpty().allSatisfy(e -> assertThat(e.code()).isEqualTo(NetworkErrorCode.TIMEOUT));
    }

    private static String describe(List<String> triggers, String filler, String ending, int length) {
        return triggers.stream().map(t -> "'" + t + "'").toList() + " each followed by '" + filler.replace("\t", "\\t")
                + "'... and '" + ending + "' (" + length + " characters)";
    }

    private static <T> T within(String what, Duration limit, java.util.concurrent.Callable<T> work) {
        return WorstCaseLines.within(what, limit, work);
    }
}
