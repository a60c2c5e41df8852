package dev.sonde;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Lets the hostile-input tests read an archive the way an analysis does (the reader is package-private). */
public final class ArchivesForTests {

    private ArchivesForTests() {
    }

    /** Reads one archive with a deadline a minute away. */
    public static void read(Path archive, List<LogInput> inputs, List<InputSummary> unreadable, List<Warning> warnings) {
        new LogArchives(inputs, unreadable, warnings, Instant.now().plusSeconds(60)).read(archive);
    }
}
