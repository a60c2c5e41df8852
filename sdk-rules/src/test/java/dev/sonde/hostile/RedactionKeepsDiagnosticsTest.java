package dev.sonde.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.spi.Redaction;
import dev.sonde.testkit.SondeExtension;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redaction takes secrets only: every line of the built-in pack's golden cases and of the shipped samples (host
 * names, addresses, dates, certificate names, fingerprints, hex status and error codes, proxy challenges, probe
 * results) comes out of {@link Redaction#redact} unchanged, and so does every string of their reports through
 * {@link Redaction#apply} (with and without pseudonyms: they name no person).
 */
@ExtendWith(SondeExtension.class)
class RedactionKeepsDiagnosticsTest {

    @Test
    void everyLineOfTheGoldenCasesAndSamplesSurvivesUnchanged() throws Exception {
        List<String> changed = new ArrayList<>();
        int lines = 0;
        for (Path file : inputs()) {
            String text = decode(Files.readAllBytes(file));
            for (String line : text.split("\r?\n")) {
                lines++;
                String out = Redaction.redact(line);
                if (!out.equals(line)) {
                    changed.add(file.getFileName() + ": " + line + "\n  -> " + out);
                }
            }
        }
        assertThat(lines).as("lines read").isGreaterThan(500);
        assertThat(changed).isEmpty();
    }

    @Test
    void theReportsOfTheGoldenCasesAreTheSameAfterRedactionAndAnonymizing(Sonde sonde) throws Exception {
        int findings = 0;
        try (Stream<Path> dirs = Files.list(cases())) {
            for (Path dir : dirs.sorted().toList()) {
                Report report = sonde.analyze(dir);
                findings += report.findings().size();
                assertThat(Redaction.apply(report, false)).as(dir.toString()).isEqualTo(report);
                assertThat(Redaction.apply(report, true)).as(dir.toString()).isEqualTo(report);
            }
        }
        assertThat(findings).isGreaterThan(50);
    }

    private static List<Path> inputs() throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(cases(), Path.of("../sdk-examples/samples"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".log") || p.toString().endsWith("probes.json"))
                        .sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static Path cases() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(RedactionKeepsDiagnosticsTest.class.getClassLoader()
                .getResource("dev/sonde/packs/gwsmo/cases")).toURI());
    }

    /** UTF-16 (with a byte-order mark) or UTF-8, as the cases are written. */
    private static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
