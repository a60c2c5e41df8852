package dev.sonde.logs.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The samples shown at the top of a reader's documentation, read from its source: the tests read exactly those. */
final class DocumentedNetsh {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "sonde", "logs", "host");

    private DocumentedNetsh() {
    }

    /** The {@code n}th (0-based) {@code <pre>} block of the class's documentation, as lines. */
    static List<String> sample(Class<?> type, int n) {
        String source;
        try {
            source = Files.readString(SOURCES.resolve(type.getSimpleName() + ".java"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int classAt = source.indexOf("public final class " + type.getSimpleName());
        int from = -1;
        for (int i = 0; i <= n; i++) {
            from = source.indexOf("<pre>", from + 1);
        }
        int to = source.indexOf("</pre>", from);
        if (from < 0 || to < 0 || to > classAt) {
            throw new IllegalStateException(type.getSimpleName() + " shows no sample " + n + " at its top");
        }
        List<String> out = new ArrayList<>();
        String block = source.substring(from + "<pre>".length(), source.lastIndexOf('\n', to));
        for (String line : block.substring(block.indexOf('\n') + 1).split("\n", -1)) {
            String t = line.stripLeading();
            out.add(t.equals("*") ? "" : t.startsWith("* ") ? t.substring(2) : t);
        }
        return out;
    }
}
