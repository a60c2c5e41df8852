package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md: "a log reader is a small class per format with a documented sample at its top and a test built from
 * that same sample". Checked for every format ({@code *LogFormat}) and every decoder ({@code *Decoder}) of the
 * package, listed from its sources: the sample at the top of the class's documentation is its {@code SAMPLE}, kept
 * in step, and its test reads that {@code SAMPLE} back.
 */
class DocumentedSamplesTest {

    private static final Path TESTS = Path.of("src", "test", "java", "dev", "sonde", "logs");

    private static List<Class<?>> documented() {
        return LogsPackage.classes().stream()
                .filter(c -> c.getSimpleName().endsWith("LogFormat") || c.getSimpleName().endsWith("Decoder"))
                .filter(c -> c != RecordDecoder.class) // asks the decoders; has no format of its own
                .toList();
    }

    @Test
    void everyFormatAndDecoderHasOne() {
        assertThat(documented()).extracting(Class::getSimpleName).contains("TraceLogFormat", "AuthorizationLogFormat",
                "TlsFailureDecoder", "NetworkErrorDecoder", "DestinationDecoder", "ProxyEventDecoder", "CertificateDecoder",
                "ClientInfoDecoder");
        Map<String, String> samples = LogsPackage.samples();
        for (Class<?> c : documented()) {
            String name = c.getSimpleName();
            assertThat(samples).as("%s.SAMPLE", name).containsKey(name + ".SAMPLE");
            assertThat(shownAtTheTop(name)).as("the sample at the top of %s's documentation", name)
                    .isEqualTo(samples.get(name + ".SAMPLE"));
            String test = read(TESTS.resolve(name + "Test.java"));
            assertThat(test).as("%sTest reads the sample back", name).contains(name + ".SAMPLE").contains("void documentedSample");
        }
    }

    /** The first {@code <pre>} block of a class's documentation, as text. */
    private static String shownAtTheTop(String name) {
        String source = read(LogsPackage.SOURCES.resolve(name + ".java"));
        int doc = source.indexOf("/**");
        int from = source.indexOf("<pre>", doc);
        int to = source.indexOf("</pre>", from);
        assertThat(doc).as("%s has documentation", name).isGreaterThanOrEqualTo(0);
        assertThat(from).as("%s shows a sample", name).isGreaterThan(doc);
        assertThat(source.indexOf("class " + name)).as("%s shows it at its top", name).isGreaterThan(to);
        StringBuilder out = new StringBuilder();
        String block = source.substring(from + "<pre>".length(), source.lastIndexOf('\n', to)); // whole lines only
        for (String line : block.split("\n")) {
            String t = line.strip();
            if (t.equals("*")) {
                out.append('\n');
            } else if (t.startsWith("* ")) {
                out.append(line.substring(line.indexOf("* ") + 2)).append('\n');
            }
        }
        return out.toString().replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
