package dev.sonde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The CLI begins decoding the built-in pack's precompiled rules at its first line only for a command that will use
 * them: one that reports (analyze, diagnose, probe, and the launcher's archive training) and is given no
 * {@code --rules}; anything else would decode them for nothing.
 */
class BuiltInPackPrefetchTest {

    @Test
    void onlyReportingCommandsWithoutRulePacksPrefetchTheBuiltInPack() {
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"analyze", "logs"})).isTrue();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"diagnose", "logs", "--format", "json"})).isTrue();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"probe"})).isTrue();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"archive-training", "sample"})).isTrue();

        assertThat(SondeCommand.usesBuiltInPack(new String[] {"analyze", "logs", "--rules", "acme"})).isFalse();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"analyze", "--rules=acme.zip", "logs"})).isFalse();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"rules", "test", "pack"})).isFalse();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"collect", "out.zip"})).isFalse();
        assertThat(SondeCommand.usesBuiltInPack(new String[] {"--version"})).isFalse();
        assertThat(SondeCommand.usesBuiltInPack(new String[0])).isFalse();
    }
}
