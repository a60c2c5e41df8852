package dev.sonde.cli;

import dev.sonde.Sonde;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What {@code sonde --version} prints: Sonde's version as built ({@link Sonde#version()}), the version of the
 * Drools jar actually on the class path (its Maven {@code pom.properties}), and the Java runtime's vendor and
 * version: the three things a bug report needs.
 */
final class VersionProvider implements CommandLine.IVersionProvider {

    /** Written into every Maven-built jar; read from the class path so a swapped Drools jar shows. */
    static final String DROOLS_POM = "META-INF/maven/org.drools/drools-core/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "sonde " + Sonde.version(),
            "Drools " + droolsVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")"};
    }

    static String droolsVersion() {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(DROOLS_POM)) {
            if (in == null) {
                return "unknown (drools-core is not on the class path)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown (no version in " + DROOLS_POM + ")");
        } catch (IOException | IllegalArgumentException e) {
            return "unknown (" + DROOLS_POM + " could not be read)";
        }
    }
}
