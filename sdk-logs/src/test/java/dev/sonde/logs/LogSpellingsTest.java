package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Fact;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.testsupport.LogGenerators;
import dev.sonde.testsupport.LogSpellings;
import dev.sonde.testsupport.LogSpellings.Spelling;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every spelling the decoders document ({@link LogSpellings}), with generated values, in either format, reads as
 * the facts it documents: exactly those, not only "no exception". And the spellings are the decoders' own: every
 * record of every decoder's documented sample is one of them, and every decoder has some.
 */
class LogSpellingsTest {

    private static final Gen<LogStyle> STYLES = Generate.enumValues(LogStyle.class);
    private static final Gen<Map.Entry<ZoneOffset, String>> WHERE =
            LogGenerators.offsets().zip(LogGenerators.threads(), Map::entry);

    @Test
    void everySpellingReadsAsTheFactsItDocuments() {
        Map<String, Gen<Spelling>> templates = LogSpellings.byTemplate();
        assertThat(templates).hasSizeGreaterThan(60);
        templates.forEach((template, spellings) -> qt().withExamples(25)
                .forAll(spellings, STYLES, LogGenerators.instants(), WHERE)
                .checkAssert((spelling, style, time, where) -> {
                    LogStyle format = spelling.fits(style) ? style : LogStyle.TRACE;
                    ReadResult r = ReadResult.read("spelling.log", spelling.log(format, time, where.getKey(), where.getValue()));
                    assertThat(r.warnings()).as("%s", spelling).isEmpty();
                    assertThat(r.facts().stream().map(LogSpellings::valuesOf).toList()).as("%s in a %s log", spelling, format)
                            .containsExactlyInAnyOrderElementsOf(spelling.expected());
                    String thread = format == LogStyle.TRACE ? where.getValue() : "";
                    assertThat(r.facts()).allSatisfy(f -> {
                        assertThat(f.thread()).isEqualTo(f instanceof ClientInfo ? "" : thread);
                        assertThat(f.source().line()).isBetween(1L, r.summary().linesRead());
                    });
                }));
    }

    @Test
    void everyRecordOfEveryDecodersSampleIsASpellingTheGeneratorWrites() {
        int records = 0;
        for (Class<?> decoder : LogsPackage.decoders()) {
            String sample = LogsPackage.samples().get(decoder.getSimpleName() + ".SAMPLE");
            if (decoder == ClientInfoDecoder.class) { // a whole file: the header, then a record
                List<String> lines = List.of(sample.split("\n"));
                String last = lines.get(lines.size() - 1);
                assertThat(LogSpellings.templateOf(lines.subList(0, lines.size() - 1), List.of(last.substring(last.indexOf("()> ") + 4))))
                        .as("%s's sample", decoder.getSimpleName()).isPresent();
                records++;
                continue;
            }
            for (List<String> record : SampleLog.records(sample)) {
                assertThat(LogSpellings.templateOf(List.of(), record)).as("%s documents %s", decoder.getSimpleName(), record).isPresent();
                records++;
            }
        }
        assertThat(records).isGreaterThanOrEqualTo(50);
    }

    @Test
    void everyDecoderHasSpellings() {
        Set<String> kinds = LogsPackage.decoders().stream().map(c -> c.getSimpleName().replace("Decoder", "")).collect(Collectors.toSet());
        assertThat(LogSpellings.kinds()).isEqualTo(kinds);
    }

    @Test
    void theSpellingsReachEveryFlagAndEveryCode() {
        Set<SecurityFlag> flags = EnumSet.noneOf(SecurityFlag.class);
        Set<NetworkErrorCode> codes = EnumSet.noneOf(NetworkErrorCode.class);
        Set<String> kinds = new java.util.HashSet<>();
        qt().withExamples(3000).forAll(LogSpellings.all()).checkAssert(s -> {
            kinds.add(s.kind());
            for (Fact f : s.expected()) {
                if (f instanceof TlsFailure t) {
                    flags.addAll(t.flags());
                } else if (f instanceof NetworkError e) {
                    codes.add(e.code());
                }
            }
        });
        assertThat(kinds).isEqualTo(LogSpellings.kinds());
        assertThat(flags).containsExactlyInAnyOrder(SecurityFlag.values());
        assertThat(codes).containsExactlyInAnyOrder(NetworkErrorCode.values());
    }
}
