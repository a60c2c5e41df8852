package dev.sonde.rules.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.rules.engine.PackCompiler;
import dev.sonde.rules.pack.ParsedJson;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The precompiled resource checked but not decoded ({@link PrecompiledParts}): the JSON files it holds are
 * deserialized through the JEP 290 filter and of the types expected, or the resource counts as damaged (the rules
 * are compiled, with a warning); rules decoded in the background are used for the pack they are of only.
 */
class PrecompiledPartsTest {

    private static final Properties OPTIONS = PackCompiler.options();

    @Test
    void theResourceHoldsThePacksJsonFilesAndRulesDecodedInTheBackgroundAreUsed() {
        PrecompiledParts parts = PrecompiledPack.open().orElseThrow();
        ParsedJson json = parts.json();
        assertThat(json.size()).isEqualTo(ParsedJson.builtIn().size());
        RulePack pack = RulePack.builtIn(json);
        parts.readInBackground(loader(), OPTIONS);
        assertThat(parts.rules(pack, loader(), OPTIONS)).isPresent();
        Properties other = PackCompiler.options();
        other.setProperty("drools.propertySpecific", "ALWAYS");
        assertThat(parts.rules(pack, loader(), other)).as("another key").isEmpty();
    }

    @Test
    void aClassOutsideTheAllowListIsRefusedBeforeItIsReadAndTheRulesAreCompiled() throws IOException {
        PrecompiledParts parts = withJson(out -> {
            out.writeInt(1);
            out.writeUTF("pack.json");
            out.writeObject(new byte[32]);
            out.writeObject(new File("/etc/passwd")); // java.io: not a class parsed JSON may hold
        });
        assertThatThrownBy(parts::readJson).isInstanceOf(InvalidClassException.class);
        assertRefused(parts);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAndTheRulesAreCompiled() throws IOException {
        PrecompiledParts parts = withJson(out -> {
            out.writeInt(1);
            out.writeUTF("clients.json");
            out.writeObject(new byte[32]);
            out.writeObject("not a list of records");
        });
        assertThatThrownBy(parts::readJson).isInstanceOf(IOException.class).hasMessageContaining("clients.json");
        assertRefused(parts);
    }

    private static void assertRefused(PrecompiledParts parts) {
        String logged = PrecompiledPackTest.stderrOf(() -> assertThat(parts.json()).isSameAs(ParsedJson.NONE));
        assertThat(logged).contains("WARN").contains("are damaged").contains("are compiled");
        assertThat(parts.rules(RulePack.builtIn(), loader(), OPTIONS)).as("damaged: compiled").isEmpty();
    }

    interface Writing {
        void to(ObjectOutputStream out) throws IOException;
    }

    /** The built-in pack's resource with another JSON part (its checksum does not matter here: already checked). */
    private static PrecompiledParts withJson(Writing json) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            json.to(out);
        }
        String key = PrecompiledPack.key(RulePack.builtIn(), OPTIONS);
        return new PrecompiledParts(key, List.of("java."), new byte[8], new byte[0], bytes.toByteArray(), 0);
    }

    private static ClassLoader loader() {
        return PackCompiler.class.getClassLoader();
    }
}
