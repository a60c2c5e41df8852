package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the jars the build made (target/sonde.jar and the Sonde jars copied to target/lib): each names its
 * module in its manifest, the JDK derives that same name, and no two share a package (a split package would
 * make the names lie: such jars cannot be put on a module path together).
 */
class JarManifestsIT {

    static final Map<String, String> MODULES = Map.of(
            "sdk-api", "dev.sonde.api",
            "sdk-logs", "dev.sonde.logs",
            "sdk-probes", "dev.sonde.probes",
            "sdk-rules", "dev.sonde.rules",
            "sdk-report", "dev.sonde.report",
            "sonde", "dev.sonde.cli");

    /** The test kit: no dependency of the tool (so not in target/lib), published and named like the others. */
    static final Path TESTKIT = Path.of("..", "sdk-testkit", "target",
            "sdk-testkit-" + System.getProperty("sonde.project.version") + ".jar");

    static List<Path> sondeJars() throws Exception {
        try (Stream<Path> lib = Files.list(Path.of("target", "lib"))) {
            List<Path> jars = Stream.concat(lib.filter(p -> p.getFileName().toString().matches("sdk-[a-z]+-.*\\.jar")),
                    Stream.of(Path.of("target", "sonde.jar"))).sorted().toList();
            assertThat(jars).hasSize(MODULES.size());
            return Stream.concat(jars.stream(), Stream.of(TESTKIT)).toList();
        }
    }

    static String artifact(Path jar) {
        String name = jar.getFileName().toString();
        return name.equals("sonde.jar") ? "sonde" : name.replaceFirst("-\\d.*$", "");
    }

    @Test
    void everyJarNamesItsModuleAndVersion() throws Exception {
        String version = System.getProperty("sonde.project.version");
        assertThat(version).as("failsafe passes the project version (sdk-cli pom)").isNotBlank();
        for (Path jar : sondeJars()) {
            try (JarFile file = new JarFile(jar.toFile())) {
                var attributes = file.getManifest().getMainAttributes();
                assertThat(attributes.getValue("Automatic-Module-Name")).as(jar.toString())
                        .isEqualTo(artifact(jar).equals("sdk-testkit") ? "dev.sonde.testkit" : MODULES.get(artifact(jar)));
                assertThat(attributes.getValue("Implementation-Version")).as(jar.toString()).isEqualTo(version);
            }
        }
    }

    @Test
    void theJdkReadsTheSameNamesAndNoPackageIsSplit() throws Exception {
        ModuleFinder finder = ModuleFinder.of(sondeJars().toArray(Path[]::new));
        Map<String, String> packageOwner = new HashMap<>();
        for (ModuleReference ref : finder.findAll()) {
            ModuleDescriptor d = ref.descriptor();
            assertThat(d.isAutomatic()).isTrue();
            for (String pn : d.packages()) {
                String other = packageOwner.putIfAbsent(pn, d.name());
                assertThat(other).as("package %s is in both %s and %s", pn, other, d.name()).isNull();
            }
        }
        List<String> names = Stream.concat(MODULES.values().stream(), Stream.of("dev.sonde.testkit")).toList();
        assertThat(finder.findAll().stream().map(r -> r.descriptor().name()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(names);
        // resolution fails on a split package between modules that read each other; resolving one automatic module
        // resolves every automatic module the finder has, the kit included (its JUnit and AssertJ are not required:
        // an automatic module declares no requires)
        Configuration resolved = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), MODULES.values());
        assertThat(resolved.modules()).hasSize(names.size());
    }

    @Test
    void theBomListsEveryPublishedArtifactAtTheProjectVersion() throws Exception {
        // sdk-bom has no parent (docs/release.md): its version is written twice, so check it moves with ours
        var pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("..", "sdk-bom", "pom.xml").toFile()).getDocumentElement();
        assertThat(pom.getElementsByTagName("version").item(0).getTextContent())
                .isEqualTo(System.getProperty("sonde.project.version"));
        var dependencies = pom.getElementsByTagName("dependency");
        List<String> managed = new java.util.ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            var dependency = (org.w3c.dom.Element) dependencies.item(i);
            managed.add(dependency.getElementsByTagName("artifactId").item(0).getTextContent());
        }
        assertThat(managed).containsExactlyInAnyOrderElementsOf(Stream.concat(MODULES.keySet().stream()
                .map(a -> a.equals("sonde") ? "sdk-cli" : a), Stream.of("sdk-testkit")).toList());
    }

    @Test
    void thePackagedToolPrintsTheBuiltVersion() throws Exception {
        PackagedJarIT.Result r = PackagedJarIT.java("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().toList()).startsWith(
                "sonde " + System.getProperty("sonde.project.version"),
                "Drools " + System.getProperty("sonde.drools.version"));
    }
}
