import dev.sonde.*;
import java.nio.file.*;
import java.util.*;

/**
 * Hot-reload benchmark: an exported built-in pack, one DRL edited eight times and reloaded through the API
 * (warm JVM), then the same edits again (their compiled rules are in the compile cache), and reloads with
 * nothing changed. Run: ./sonde --version && java -cp "sdk-cli/target/sonde.jar:sdk-cli/target/lib/*" sdk-examples/bench/ReloadBenchmark.java
 */
public class ReloadBenchmark {
    public static void main(String[] a) throws Exception {
        Path pack = Files.createTempDirectory("reload-bench");
        dev.sonde.rules.pack.RulePack.exportBuiltIn(pack);
        Path cache = Files.createTempDirectory("reload-cache") /* owner-only: see CompileCache */;
        try (Sonde sonde = Sonde.builder().rulePack(pack).compileCache(cache).build()) {
            Path drl = pack.resolve("clock.drl");
            String text = Files.readString(drl);
            List<Long> compiled = new ArrayList<>(), cached = new ArrayList<>(), unchanged = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Files.writeString(drl, text + "\n// edit " + i + "\n");
                compiled.add(sonde.reloadRulePacks().duration().toMillis());
                unchanged.add(sonde.reloadRulePacks().duration().toMillis());
            }
            for (int i = 0; i < 8; i++) { // back to earlier edits: their entries are in the cache
                Files.writeString(drl, text + "\n// edit " + i + "\n");
                cached.add(sonde.reloadRulePacks().duration().toMillis());
            }
            System.out.println("reload, new DRL (compiled), warm JVM, ms: " + compiled);
            System.out.println("reload, DRL seen before (compile cache), ms: " + cached);
            System.out.println("reload, nothing changed (hash only), ms: " + unchanged);
        }
    }
}
