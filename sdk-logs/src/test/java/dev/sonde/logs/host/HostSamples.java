package dev.sonde.logs.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The documented sample at the top of a class of this package, as text (as {@code DocumentedSamplesTest} reads them). */
final class HostSamples {

    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "sonde", "logs", "host");

    private HostSamples() {
    }

    /** The first {@code <pre>} block of a class's documentation, unescaped. */
    static String shownAtTheTop(String name) {
        String source;
        try {
            source = Files.readString(SOURCES.resolve(name + ".java"));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + name, e);
        }
        int doc = source.indexOf("/**");
        int from = source.indexOf("<pre>", doc);
        int to = source.indexOf("</pre>", from);
        if (doc < 0 || from < doc || source.indexOf("class " + name) < to) {
            throw new AssertionError(name + " shows no sample at its top");
        }
        StringBuilder out = new StringBuilder();
        String block = source.substring(from + "<pre>".length(), source.lastIndexOf('\n', to));
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
}
