package dev.sonde.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.rules.model.MinimumVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in pack's JSON files as the build read them ({@link ParsedJson}): a pack read with them is the pack
 * parsed, and a file whose bytes differ from the ones they were read from (edited after the build) is parsed.
 */
class ParsedJsonTest {

    @TempDir
    Path tmp;

    @Test
    void theBuiltInPackReadWithItsParsedJsonIsThePackParsed() {
        ParsedJson json = ParsedJson.builtIn();
        RulePack parsed = RulePack.builtIn();
        assertThat(json.size()).as("pack.json and every data file").isEqualTo(parsed.dataFiles().size() + 1);
        RulePack fast = RulePack.builtIn(json);
        assertThat(fast.manifest()).isEqualTo(parsed.manifest());
        assertThat(fast.dataFiles().keySet()).containsExactlyElementsOf(parsed.dataFiles().keySet());
        // records holding a Pattern are equal only to themselves: compared by what they print (the pattern's text)
        assertThat(fast.data().toString()).isEqualTo(parsed.data().toString());
        assertThat(fast.data()).extracting(Object::getClass).containsExactlyElementsOf(
                parsed.data().stream().map(Object::getClass).toList());
    }

    @Test
    void aJsonFileEditedAfterTheBuildIsParsedAndTheOthersAreTaken() throws Exception {
        Path pack = tmp.resolve("pack");
        RulePack.exportBuiltIn(pack);
        Path clients = pack.resolve("clients.json");
        Files.writeString(clients, Files.readString(clients).replace("4.3.0.0", "4.4.0.0"));
        Path manifest = pack.resolve("pack.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"1.0.0\"", "\"1.0.1\""));

        RulePack read = RulePack.of(PackFiles.read(pack), ParsedJson.builtIn());
        assertThat(read.manifest().version()).isEqualTo("1.0.1");
        assertThat(read.dataFiles().get("clients.json")).containsExactly(new MinimumVersion("GWSMO", "4.4.0.0"));
        assertThat(read.data().toString()).isEqualTo(RulePack.open(pack).data().toString());
    }

    @Test
    void nothingKnownIsEveryFileParsed() {
        assertThat(ParsedJson.NONE.size()).isZero();
        assertThat(RulePack.builtIn(ParsedJson.NONE).data().toString()).isEqualTo(RulePack.builtIn().data().toString());
        assertThat(ParsedJson.NONE.manifest(new byte[32])).isEmpty();
        assertThat(ParsedJson.builtIn().records("clients.json", new byte[32])).as("other bytes").isEmpty();
        assertThat(ParsedJson.builtIn().records("no-such.json", new byte[32])).isEmpty();
        assertThat(List.of(ParsedJson.builtIn().size())).containsExactly(RulePack.builtIn().dataFiles().size() + 1);
    }
}
