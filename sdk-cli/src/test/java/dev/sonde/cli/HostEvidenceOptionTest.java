package dev.sonde.cli;

import static dev.sonde.cli.AnalyzeCommandTest.sonde;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.cli.AnalyzeCommandTest.Run;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --host-evidence DIR} through the real command: saved Windows outputs (a golden case's French netsh output)
 * read under their documented names, as UTF-16 the way PowerShell saves them too; a folder without any is a usage
 * error naming the files; a proxy.pac is evaluated offline for the catalog's URLs, without making the report incomplete.
 */
class HostEvidenceOptionTest {

    private static final Path FRENCH_FIREWALL = Path.of(
            "../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases/firewall-blocks-web-ports-french");

    @TempDir
    Path tmp;

    @Test
    void savedOutputsAreReadUnderTheirNamesEvenInUtf16() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("saved"));
        for (String name : new String[] {"firewall-rules.txt", "firewall-currentprofile.txt"}) {
            String text = Files.readString(FRENCH_FIREWALL.resolve(name), StandardCharsets.UTF_8);
            ByteBuffer utf16 = StandardCharsets.UTF_16LE.encode(text);
            byte[] bytes = new byte[utf16.remaining() + 2];
            bytes[0] = (byte) 0xFF;
            bytes[1] = (byte) 0xFE;
            utf16.get(bytes, 2, bytes.length - 2);
            Files.write(dir.resolve(name.toUpperCase(java.util.Locale.ROOT)), bytes); // names match in any case
        }
        Run run = sonde("analyze", "--host-evidence", dir.toString(), "--format", "json");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.path("findings").get(0).path("id").asText()).isEqualTo("FIREWALL_BLOCKS_CLIENT");
        assertThat(json.path("findings").get(0).path("params").path("profile").asText()).isEqualTo("PRIVATE");
        assertThat(json.path("sources")).anySatisfy(s -> {
            assertThat(s.path("format").asText()).isEqualTo("host:firewall-rules");
            assertThat(s.path("encoding").asText()).isEqualTo("UTF-16LE");
        });
        assertThat(json.path("outcome").asText()).isEqualTo("complete");
    }

    @Test
    void aFolderWithoutAnyDocumentedFileIsAUsageErrorNamingThem() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("notes.txt"), "nothing here");
        Run run = sonde("analyze", "--host-evidence", empty.toString());
        assertThat(run.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(run.err()).contains("--host-evidence " + empty + ": holds none of the documented files (")
                .contains("firewall-rules.txt").contains("roots-machine.txt").contains("internet-settings.txt");
    }

    @Test
    void aSavedProxyScriptIsEvaluatedOfflineForTheCatalogAndLosesNothing() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pac"));
        Files.writeString(dir.resolve("proxy.pac"), "function FindProxyForURL(url, host) {\n"
                + "  return isInNet(dnsResolve(host), \"10.0.0.0\", \"255.0.0.0\") ? \"PROXY 10.0.0.5:8080\" : \"DIRECT\";\n}\n");
        Files.copy(FRENCH_FIREWALL.resolve("firewall-rules.txt"), dir.resolve("firewall-rules.txt"));
        Run run = sonde("analyze", "--host-evidence", dir.toString(), "--format", "json");
        JsonNode json = run.json();
        assertThat(json.path("sources")).anySatisfy(src -> {
            assertThat(src.path("name").asText()).endsWith("proxy.pac");
            assertThat(src.path("format").asText()).isEqualTo("host:proxy");
            assertThat(src.path("facts").asLong()).isGreaterThan(5); // one route per URL of the built-in catalog
        });
        assertThat(json.path("warnings")).anySatisfy(w -> {
            assertThat(w.path("file").asText()).endsWith("proxy.pac");
            assertThat(w.path("message").asText()).contains("DNS lookups were answered \"not resolvable\"");
        });
        assertThat(json.path("outcome").asText()).isEqualTo("complete");
        assertThat(json.path("findings").get(0).path("id").asText()).isEqualTo("FIREWALL_BLOCKS_CLIENT");
    }
}
