package dev.sonde.examples;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Sonde;
import java.nio.file.Path;

/**
 * How a vendor embeds Sonde: build one {@link Sonde} at start-up, analyze logs whenever a user
 * reports a problem, show the top finding and what to do.
 *
 * <p>Run: {@code ./mvnw -q -pl sdk-examples -am package -DskipTests && java -jar sdk-examples/target/examples.jar sdk-examples/samples/fiddler-interception}
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    public static void main(String[] args) {
        Sonde sonde = Sonde.builder().build();                 // compiles the rules once; thread-safe
        Report report = sonde.analyze(Path.of(args.length > 0 ? args[0] : "."));
        if (report.top().isEmpty()) {
            System.out.println("No problem found in " + report.inputs().size() + " log file(s).");
            return;
        }
        Finding top = report.top().get();
        System.out.printf("%s (%s, %.0f%% sure): %s%n", top.id(), top.severity().label(), top.confidence() * 100, top.title());
        System.out.println(top.explanation());
        for (int i = 0; i < top.remediation().size(); i++) {
            System.out.printf("  %d. %s%n", i + 1, top.remediation().get(i));
        }
        top.evidence().forEach(e -> System.out.println("  " + e.file() + ":" + e.line() + ": " + e.text().lines().findFirst().orElse("")));
    }
}
