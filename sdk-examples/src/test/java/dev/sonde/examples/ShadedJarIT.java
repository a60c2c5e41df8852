package dev.sonde.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/embedding.md, "One jar": the embedding example and every jar it needs merged into one, as the Shade plugin
 * does (first copy of a file wins, {@code META-INF/services} files concatenated), then run with {@code java -jar}.
 * Kept, Bouncy Castle's signature files make the JVM refuse the jar; excluded, the analysis runs.
 */
class ShadedJarIT {

    static final Path SAMPLE = Path.of("samples", "fiddler-interception");

    record Run(int exit, String out, String err) {
    }

    @Test
    void aSingleJarWithoutSignatureFilesAnalyzesTheSample() throws Exception {
        Path jar = shade(Path.of("target", "shaded", "examples-all.jar"), true);
        Run r = javaJar(jar, SAMPLE.toString());
        assertThat(r.err()).doesNotContain("Exception");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("TLS_INTERCEPTION");
    }

    @Test
    void keepingBouncyCastlesSignatureFilesBreaksTheJar() throws Exception {
        Path jar = shade(Path.of("target", "shaded", "examples-all-signed-files.jar"), false);
        Run r = javaJar(jar, SAMPLE.toString());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("Invalid signature file digest");
    }

    static boolean signatureFile(String name) {
        return name.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)");
    }

    /** target/examples.jar, then target/lib/*.jar, into {@code out}. */
    static Path shade(Path out, boolean excludeSignatures) throws IOException {
        List<Path> jars = new ArrayList<>(List.of(Path.of("target", "examples.jar")));
        try (Stream<Path> lib = Files.list(Path.of("target", "lib"))) {
            jars.addAll(lib.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
        }
        Manifest manifest;
        try (JarFile main = new JarFile(jars.get(0).toFile())) {
            manifest = new Manifest(main.getManifest());
        }
        manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH); // everything is inside now
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                for (JarEntry e : file.stream().toList()) {
                    String name = e.getName();
                    if (e.isDirectory() || name.equals(JarFile.MANIFEST_NAME) || name.endsWith("module-info.class")
                            || (excludeSignatures && signatureFile(name))) {
                        continue;
                    }
                    byte[] bytes = file.getInputStream(e).readAllBytes();
                    if (name.startsWith("META-INF/services/") && entries.containsKey(name)) {
                        byte[] before = entries.get(name);
                        byte[] merged = (new String(before, StandardCharsets.UTF_8) + "\n"
                                + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                        entries.put(name, merged);
                    } else {
                        entries.putIfAbsent(name, bytes);
                    }
                }
            }
        }
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(o, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return out;
    }

    static Run javaJar(Path jar, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        File out = File.createTempFile("shaded-out", ".txt");
        File err = File.createTempFile("shaded-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out).redirectError(err);
            builder.environment().put("SONDE_CACHE_DIR", Path.of("target", "it-sonde-cache").toAbsolutePath().toString());
            Process p = builder.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished within 2 minutes").isTrue();
            return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }
}
