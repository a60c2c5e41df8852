package dev.sonde.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where Google's Windows sync and migration tools keep their logs, found from the environment (so that a test gives a
 * fake {@code LOCALAPPDATA} on any system): the authorization logs of {@code %LOCALAPPDATA%\Google\Identity}, the
 * tracing folders of GWSMO, GWMMO, GSMME and Password Sync, and the Identity folder of the NetworkService profile
 * that Password Sync runs under. Only Windows has them; elsewhere {@link #onWindows()} is false.
 */
final class LogFolders {

    /** The folders of this machine; a test replaces them on its own thread. */
    static final ThreadLocal<LogFolders> MACHINE = ThreadLocal.withInitial(
            () -> new LogFolders(System.getenv(), System.getProperty("os.name", "")));

    /** Under {@code %LOCALAPPDATA%}: each product's log folder (KNOWLEDGE.md section 4). */
    private static final List<List<String>> UNDER_LOCAL_APP_DATA = List.of(
            List.of("Google", "Identity"),
            List.of("Google", "Google Apps Sync", "Tracing"),
            List.of("Google", "Google Apps Migration", "Tracing", "ClientMigration"),
            List.of("Google", "Google Apps Migration", "Tracing", "ExchangeMigration"),
            List.of("Google", "Google Apps Password Sync", "Tracing"));
    /** Under {@code %SystemRoot%}: Password Sync's authorization logs, written as the NetworkService account. */
    private static final List<String> NETWORK_SERVICE_IDENTITY = List.of(
            "ServiceProfiles", "NetworkService", "AppData", "Local", "Google", "Identity");

    private final Map<String, String> env;
    private final String osName;

    LogFolders(Map<String, String> env, String osName) {
        this.env = Map.copyOf(env);
        this.osName = osName;
    }

    /** Whether the standard folders apply: only on Windows. */
    boolean onWindows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** An environment variable, or null. */
    String variable(String name) {
        return env.get(name);
    }

    /** Every standard folder, whether or not it exists, in the order above (empty when the environment names none). */
    List<Path> standard() {
        List<Path> out = new ArrayList<>();
        String local = env.getOrDefault("LOCALAPPDATA", "");
        if (local.isBlank() && !env.getOrDefault("USERPROFILE", "").isBlank()) {
            local = Path.of(env.get("USERPROFILE"), "AppData", "Local").toString();
        }
        if (!local.isBlank()) {
            for (List<String> under : UNDER_LOCAL_APP_DATA) {
                out.add(resolve(Path.of(local), under));
            }
        }
        String system = env.getOrDefault("SystemRoot", env.getOrDefault("SYSTEMROOT", ""));
        if (!system.isBlank()) {
            out.add(resolve(Path.of(system), NETWORK_SERVICE_IDENTITY));
        }
        return out;
    }

    /** The standard folders that exist here. */
    List<Path> existing() {
        return standard().stream().filter(Files::isDirectory).toList();
    }

    private static Path resolve(Path base, List<String> parts) {
        Path p = base;
        for (String part : parts) {
            p = p.resolve(part);
        }
        return p;
    }
}
