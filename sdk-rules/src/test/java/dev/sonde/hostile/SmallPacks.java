package dev.sonde.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small rule packs for the hostile tests, written into a test's temporary folder. */
final class SmallPacks {

    /** One rule raising ACME_PROXY, in package {@code acme}. */
    static final String ONE_RULE = """
            package acme;
            import dev.sonde.facts.*;
            import dev.sonde.rules.model.*;
            rule "Acme proxy" @finding("ACME_PROXY") @severity("high") @confidence(0.9)
            when ProxyEvent() then Raise.finding(drools).insert(); end
            """;

    private SmallPacks() {
    }

    /** A pack {@code acme} in {@code dir} with {@code rules.drl} and the texts of ACME_PROXY. */
    static Path pack(Path dir, String drl) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pack.json"), "{\"id\":\"acme\",\"version\":\"0.1\",\"apiVersion\":1}");
        Files.writeString(dir.resolve("messages_en.properties"),
                "ACME_PROXY.title=Acme proxy\nACME_PROXY.explanation=It is Acme.\n");
        Files.writeString(dir.resolve("rules.drl"), drl);
        return dir;
    }
}
