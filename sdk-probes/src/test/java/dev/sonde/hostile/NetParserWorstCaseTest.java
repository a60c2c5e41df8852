package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.testsupport.WorstCaseLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "time is bounded", for the parsers of text the network sends or a user saves (HTTP heads and dates,
 * {@code netsh winhttp show proxy} output, server names; challenges and IP literals are sdk-api's {@code dev.sonde.net}): each is fed every trigger word read from its
 * own source followed by long runs of what its patterns repeat, up to 64 KiB, and fails if one line takes more
 * than a second (a wide-margin guard, not a performance test; see the log decoders' {@code DecoderWorstCaseTest}).
 */
class NetParserWorstCaseTest {

    static final int LINE_CAP = 64 * 1024;
    static final Duration LIMIT = Duration.ofSeconds(1);
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "sonde", "probes");
    /** The family packages, where each parser's source is looked up by its type's name. */
    private static final List<String> FAMILIES = List.of("dns", "tcp", "tls", "http", "revocation", "proxy", "clock");
    /** sdk-api's shared network parsers ({@code dev.sonde.net}: the HTTP date parser the clock probe uses, proxy lists). */
    private static final Path SHARED = Path.of("..", "sdk-api", "src", "main", "java", "dev", "sonde", "net");

    /** The source of the named class, in whichever family package holds it. */
    private static Path source(String type) {
        return java.util.stream.Stream.concat(FAMILIES.stream().map(f -> SOURCES.resolve(f).resolve(type + ".java")),
                        java.util.stream.Stream.of(SHARED.resolve(type + ".java"))).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new AssertionError("no source for " + type + " in " + FAMILIES));
    }

    /** The triggers in the source of the named class, and the run alone (""). */
    private static List<String> triggers(String type) {
        List<String> out = new ArrayList<>(WorstCaseLines.triggers(List.of(source(type))));
        out.add(0, "");
        return out;
    }

    @Test
    void theTriggersComeFromTheParsersThemselves() {
        List<String> all = new ArrayList<>();
        for (String type : List.of("HttpHead", "HttpDates", "WinHttpProxySettings", "ProxyServerLists")) {
            all.addAll(triggers(type));
        }
        assertThat(all).contains("HTTP", "GMT", "proxy", "bypass", "contournement", "://");
    }

    @Test
    void everyNetParserIsLinearUpToTheLineCap() {
        for (Map.Entry<String, Function<String, Object>> parser : NetTextParsers.all().entrySet()) {
            String type = parser.getKey().substring(0, parser.getKey().indexOf('.'));
            for (String trigger : triggers(type)) {
                for (String filler : WorstCaseLines.FILLERS) {
                    for (String ending : WorstCaseLines.ENDINGS) {
                        String w = WorstCaseLines.line(trigger, filler, ending, LINE_CAP);
                        WorstCaseLines.within(parser.getKey() + " on '" + trigger + "' followed by '" + filler
                                + "'... and '" + ending + "'", LIMIT, () -> parser.getValue().apply(w));
                    }
                }
            }
        }
    }
}
