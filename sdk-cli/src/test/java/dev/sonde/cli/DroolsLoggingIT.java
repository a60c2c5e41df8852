package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack with a syntax error, layered over the built-in one, makes Drools log its ERROR cascade (about 35 lines
 * through {@code org.drools.compiler.kie.builder.impl.KieProject}, most of them "Unable to resolve ObjectType"
 * blaming built-in rules) and, on every build, two INFO lines through {@code KieContainerImpl}. The packaged tool,
 * with its real SLF4J backend and even with {@code --debug} (every Sonde logger on), shows none of them: the
 * user reads Sonde's one sentence (docs/logging.md).
 */
class DroolsLoggingIT {

    static final String BROKEN_DRL = """
            package acme;
            import dev.sonde.facts.*;
            rule "acme broken"
                @finding("ACME_PROXY")
            when
                $f : TlsFailure( this is broken ((( )
            then
            end
            """;

    @Test
    void aBrokenPackIsOneSentenceAndNoDroolsCascade(@TempDir Path dir) throws Exception {
        Path pack = Files.createDirectories(dir.resolve("acme"));
        Files.writeString(pack.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"0.1\",\"apiVersion\":1,\"extends\":\"gwsmo\"}");
        Files.writeString(pack.resolve("messages_en.properties"), "ACME_PROXY.title=Acme\nACME_PROXY.explanation=Acme.\n");
        Files.writeString(pack.resolve("rules.drl"), BROKEN_DRL);

        PackagedJarIT.Result r = PackagedJarIT.java("analyze", Path.of("..", "sdk-examples", "samples", "healthy")
                .toString(), "--rules", pack.toString(), "--debug");

        assertThat(r.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(r.err().lines().filter(l -> l.startsWith("sonde: ")).toList()).containsExactly(
                "sonde: acme/rules.drl line 6: [ERR 102] Line 6:26 mismatched input 'is' in rule \"acme broken\"");
        // --debug does let the library's own lines through: the backend is on, Drools' loggers are not
        assertThat(r.err()).contains("INFO dev.sonde.rules.pack.PackLayers");
        assertThat(r.err()).doesNotContain("org.drools", "org.kie", "Unable to build KieBaseModel",
                "Unable to resolve ObjectType", "Start creation of KieBase");
    }
}
