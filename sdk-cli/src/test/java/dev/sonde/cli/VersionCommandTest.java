package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VersionCommandTest {

    @Test
    void versionNamesSondeDroolsAndJavaAsBuilt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SondeCommand.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        String sonde = System.getProperty("sonde.project.version");
        String drools = System.getProperty("sonde.drools.version");
        assertThat(sonde).as("surefire passes the project version (parent pom)").isNotBlank();
        assertThat(drools).as("surefire passes drools.version (parent pom)").isNotBlank();
        assertThat(out.toString().lines()).containsExactly(
                "sonde " + sonde,
                "Drools " + drools,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.vm.name") + ")");
    }
}
