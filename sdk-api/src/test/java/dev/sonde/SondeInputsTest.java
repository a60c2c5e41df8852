package dev.sonde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SondeInputsTest {

    @Test
    void foldersExpandToTheirLogFilesSortedAndOnce(@TempDir Path dir) throws Exception {
        Path identity = Files.createDirectories(dir.resolve("Identity"));
        Path trace = Files.writeString(dir.resolve("Trace-2017-09-21-04-10-04-p1.log"), "x");
        Path auth = Files.writeString(identity.resolve("auth.LOG"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        List<Warning> warnings = new ArrayList<>();
        List<Path> files = LogFiles.expand(List.of(dir, trace, dir), warnings, java.time.Instant.now().plusSeconds(60));
        assertThat(files).containsExactly(auth, trace);
        assertThat(warnings).isEmpty();
    }

    @Test
    void builderRejectsNonsense() {
        assertThatThrownBy(() -> Sonde.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> Severity.fromLabel("urgent")).hasMessageContaining("urgent");
        assertThat(Severity.fromLabel(" High ")).isEqualTo(Severity.HIGH);
        assertThat(Severity.MEDIUM.atLeast(Severity.LOW)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
    }

    @Test
    void withoutAnEngineOnTheClassPathTheErrorSaysWhatToAdd() {
        assertThatThrownBy(() -> Sonde.builder().build())
                .isInstanceOf(SondeException.class).hasMessageContaining("sdk-rules");
    }
}
