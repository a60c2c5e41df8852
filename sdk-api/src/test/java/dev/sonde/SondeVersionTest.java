package dev.sonde;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SondeVersionTest {

    @Test
    void versionIsTheOneMavenBuilt() {
        String built = System.getProperty("sonde.project.version");
        assertThat(built).as("surefire passes the project version (parent pom)").isNotBlank();
        assertThat(Sonde.version()).isEqualTo(built).isNotEqualTo(SondeVersion.UNKNOWN);
    }

    @Test
    void versionIsReadOnceAndStable() {
        assertThat(Sonde.version()).isSameAs(Sonde.version());
    }
}
