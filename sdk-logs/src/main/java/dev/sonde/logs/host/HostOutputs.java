package dev.sonde.logs.host;

import dev.sonde.HostEvidence;
import dev.sonde.facts.Fact;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which parser reads the saved output of each {@link HostEvidence} source. A parser is a pure function of the
 * input's name (for evidence) and its decoded lines (line {@code i + 1} at index {@code i}; a line that was not text
 * is an empty string) to facts; it never throws on garbage and caps what it returns.
 */
public final class HostOutputs {

    /** A parser of one command's output. */
    @FunctionalInterface
    public interface Parser {
        /** The facts {@code lines} of the input {@code file} show. */
        List<Fact> parse(String file, List<String> lines);
    }

    private static final Map<HostEvidence, Parser> PARSERS = new EnumMap<>(HostEvidence.class);

    static {
        // one line per source; a source without a parser is read and reported as not understood
        PARSERS.put(HostEvidence.FIREWALL_RULES, FirewallRulesOutput::parse);
        PARSERS.put(HostEvidence.FIREWALL_PROFILES, FirewallProfilesOutput::parse);
        PARSERS.put(HostEvidence.FIREWALL_CURRENT_PROFILE, FirewallProfilesOutput::parse);
        PARSERS.put(HostEvidence.WINHTTP_PROXY, WinHttpProxyOutput::parse);
        PARSERS.put(HostEvidence.INTERNET_SETTINGS, InternetSettingsOutput::parse);
        PARSERS.put(HostEvidence.INTERNET_SETTINGS_POLICY, InternetSettingsOutput::parse);
        PARSERS.put(HostEvidence.INTERNET_SETTINGS_MACHINE, InternetSettingsOutput::parse);
        PARSERS.put(HostEvidence.UNINSTALL, UninstallOutput::parse);
        PARSERS.put(HostEvidence.ROOTS_MACHINE, RootStoreOutput::parse);
        PARSERS.put(HostEvidence.ROOTS_USER, RootStoreOutput::parse);
    }

    private HostOutputs() {
    }

    /** The parser of {@code source}'s output, if Sonde reads it. */
    public static Optional<Parser> parser(HostEvidence source) {
        return Optional.ofNullable(PARSERS.get(source));
    }
}
