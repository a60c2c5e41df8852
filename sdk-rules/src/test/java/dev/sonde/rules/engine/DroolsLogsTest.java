package dev.sonde.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.RulePackException;
import dev.sonde.RulePackReload;
import dev.sonde.Sonde;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host application's logs receive when Sonde compiles packs, read from a real SLF4J backend: slf4j-simple
 * (test scope), which writes to {@code System.err} and lets Drools' loggers through at INFO
 * (src/test/resources/simplelogger.properties). Drools' KieBuilder used to log a broken pack's errors as a 35-line
 * ERROR cascade (logger {@code org.drools.compiler.kie.builder.impl.KieProject}) and two INFO lines per build
 * ({@code KieContainerImpl}); the engine keeps them in the compiler's results (docs/logging.md).
 */
class DroolsLogsTest {

    static final String DRL = """
            package acme;
            import dev.sonde.facts.*;
            import dev.sonde.rules.model.*;

            rule "Acme inspects the connections to Google"
                @finding("ACME_INSPECTION") @severity("critical") @confidence(0.99) @articleStep("4")
            when
                $c : Certificate( issuerName() matches "(?i).*Acme Inspection CA.*" )
            then
                Raise.finding(drools).param("issuer", $c.issuerName()).insert();
            end
            """;

    /** A syntax error in a pack layered over the built-in one: Drools then fails every built-in rule too. */
    static final String BROKEN = DRL.replace("$c : Certificate( issuerName()", "$c : Certificate( this is broken (((");

    static Path pack(Path dir, String drl) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"0.1\",\"apiVersion\":1,\"extends\":\"gwsmo\"}");
        Files.writeString(dir.resolve("messages_en.properties"),
                "ACME_INSPECTION.title=Acme inspects\nACME_INSPECTION.explanation=Issued by {issuer}.\n");
        Files.writeString(dir.resolve("rules.drl"), drl);
        return dir;
    }

    /** The lines the backend wrote to System.err while {@code action} ran. */
    static List<String> logged(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aBrokenPackLogsNothingOfDroolsAndTheBuilderSaysWhyInOneSentence(@TempDir Path dir) throws Exception {
        Path broken = pack(dir.resolve("acme"), BROKEN);
        List<String> lines = logged(() -> assertThatThrownBy(() -> Sonde.builder().rulePack(broken).build())
                .isInstanceOf(RulePackException.class)
                .hasMessageStartingWith("acme/rules.drl line 8: [ERR 102]")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1)));

        assertThat(lines).noneMatch(l -> l.contains("org.drools") || l.contains("org.kie"))
                .noneMatch(l -> l.contains("Unable to resolve ObjectType") || l.contains("Unable to build KieBaseModel"));
    }

    @Test
    void aBuildLogsNoDroolsInfoLines(@TempDir Path dir) throws Exception {
        Path good = pack(dir.resolve("acme"), DRL);
        List<String> lines = logged(() -> Sonde.builder().rulePack(good).build().close());

        assertThat(lines).noneMatch(l -> l.contains("org.drools") || l.contains("org.kie"));
    }

    @Test
    void aRejectedReloadIsOneWarningOfSondesAndNoneOfDrools(@TempDir Path dir) throws Exception {
        Path pack = pack(dir.resolve("acme"), DRL);
        try (Sonde sonde = Sonde.builder().rulePack(pack).build()) {
            Files.writeString(pack.resolve("rules.drl"), BROKEN);
            List<String> lines = logged(() -> assertThat(sonde.reloadRulePacks().applied()).isFalse());

            assertThat(lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList())
                    .singleElement().asString().contains("WARN dev.sonde.LiveRules - rule packs")
                    .contains("were rejected; the previous rules stay in use");
            assertThat(lines).noneMatch(l -> l.contains("org.drools") || l.contains("Unable to resolve ObjectType"));
        }
    }
}
