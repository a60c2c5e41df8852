package dev.sonde.rules.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sonde.facts.FirewallRule;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A program that talks to Google for a sync product, and so must not be blocked by the Windows Firewall (data: the
 * {@code clientPrograms} section, {@code client-programs.json}; article step 1 names Outlook.exe and
 * ProfileEditor.exe).
 *
 * @param exe     the executable's file name ({@code OUTLOOK.EXE}), compared case-insensitively with the file name
 *                of a firewall rule's program ({@link FirewallRule#programFile()})
 * @param product the product it belongs to, for people reading the data ({@code GWSMO})
 */
public record ClientProgram(String exe, String product) implements Serializable {

    public ClientProgram {
        exe = Objects.requireNonNull(exe, "exe").toLowerCase(Locale.ROOT);
        product = Objects.requireNonNullElse(product, "");
    }

    @JsonCreator
    public static ClientProgram of(@JsonProperty("exe") String exe, @JsonProperty("product") String product) {
        if (exe == null || exe.isBlank() || exe.contains("\\") || exe.contains("/")) {
            throw new IllegalArgumentException("'exe' must be a program's file name such as OUTLOOK.EXE, was " + exe);
        }
        return new ClientProgram(exe.trim(), product);
    }

    /** True when the firewall rule names this program (whatever folder it is in). */
    public boolean namedBy(FirewallRule rule) {
        return !rule.anyProgram() && rule.programFile().equals(exe);
    }
}
