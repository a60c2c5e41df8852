package dev.sonde.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shipped samples and the generated bench data from wherever a benchmark is started. */
final class Samples {

    private Samples() {
    }

    /** {@code sdk-examples/samples/NAME}, found from the checkout root or from {@code sdk-examples}. */
    static Path folder(String name) {
        for (Path candidate : new Path[] {Path.of("sdk-examples", "samples", name), Path.of("samples", name)}) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no sample " + name + " under sdk-examples/samples; run from the checkout");
    }
}
