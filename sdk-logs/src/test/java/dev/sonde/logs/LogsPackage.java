package dev.sonde.logs;

import dev.sonde.testsupport.WorstCaseLines;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes of {@code dev.sonde.logs}, listed from its source folder (tests run in the module folder), and what
 * they declare: tests that cover "every decoder", "every pattern" or "every sample" read them here, so a class
 * added later is covered without editing a test.
 */
final class LogsPackage {

    /** The package's sources. */
    static final Path SOURCES = Path.of("src", "main", "java", "dev", "sonde", "logs");

    private LogsPackage() {
    }

    /** Every top-level class of the package, by name. */
    static List<Class<?>> classes() {
        return WorstCaseLines.sources(SOURCES).stream()
                .map(p -> p.getFileName().toString().replace(".java", ""))
                .filter(name -> !name.equals("package-info"))
                .<Class<?>>map(LogsPackage::load)
                .toList();
    }

    /** The decoders: one class per fact kind, named {@code <Fact>Decoder}, each with a {@code SAMPLE}. */
    static List<Class<?>> decoders() {
        return classes().stream().filter(c -> c.getSimpleName().endsWith("Decoder") && !c.equals(RecordDecoder.class)).toList();
    }

    /** The static fields of {@code type} the package's classes declare, as {@code Class.FIELD}. */
    static <T> Map<String, T> constants(Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        for (Class<?> c : classes()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == type && Modifier.isStatic(f.getModifiers())) {
                    try {
                        f.setAccessible(true);
                        out.put(c.getSimpleName() + "." + f.getName(), type.cast(f.get(null)));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return out;
    }

    /** The documented samples ({@code SAMPLE}) of the package's classes: the formats' and the decoders'. */
    static Map<String, String> samples() {
        Map<String, String> out = new LinkedHashMap<>();
        constants(String.class).forEach((name, value) -> {
            if (name.endsWith(".SAMPLE")) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static Class<?> load(String simpleName) {
        try {
            return Class.forName("dev.sonde.logs." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class for " + simpleName + ".java", e);
        }
    }
}
