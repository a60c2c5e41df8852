package dev.sonde.rules.lint;

import dev.sonde.PackProblem;
import dev.sonde.rules.model.RuleMetadata;
import dev.sonde.rules.pack.DrlOutline;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.RulePack;
import java.util.List;
import java.util.Set;

/**
 * Each {@code @message("live")} of the pack's own rules against the message bundles: a rule that names a text no
 * English bundle has ({@code <ID>.live.title}, {@code .explanation} or {@code .remediation.<n>}) is an error at the
 * annotation's line, since its findings would silently show the plain text instead. A rule that raises from data rows
 * ({@code Raise.finding(drools, $row)}, no {@code @finding}) is checked against every finding id the data declares.
 */
final class MessageLint {

    private MessageLint() {
    }

    /**
     * @param own       the pack as read from its folder (its DRL files are checked)
     * @param effective the pack as it will be used (its bundles, layered over the packs it extends, are searched)
     */
    static void check(RulePack own, RulePack effective, List<PackProblem> problems) {
        MessageBundle messages = effective.messages();
        Set<String> dataIds = RuleMetadata.dataFindings(effective.data());
        for (String path : own.drl().keySet()) {
            String text = own.drl().get(path);
            for (DrlOutline.Rule rule : own.outline(path).rules()) {
                if (rule.message().isEmpty()) {
                    continue;
                }
                String name = rule.message().get();
                Set<String> ids = rule.finding().map(Set::of).orElse(dataIds);
                for (String id : ids) {
                    if (!messages.names(id, name)) {
                        problems.add(new PackProblem(path, line(text, rule), 0, PackProblem.Level.ERROR, "rule \""
                                + rule.name() + "\": @message(\"" + name + "\") names no text of " + id + ": the English "
                                + "messages have no key " + id + "." + name + ".title, " + id + "." + name + ".explanation or "
                                + id + "." + name + ".remediation.<n>"));
                    }
                }
            }
        }
    }

    /** The line of the rule's {@code @message}, or of the rule itself when it cannot be told. */
    private static int line(String text, DrlOutline.Rule rule) {
        int end = Math.min(rule.end(), text.length());
        int at = text.indexOf("@message", rule.start());
        if (at < 0 || at >= end) {
            return rule.line();
        }
        int line = rule.line();
        for (int i = rule.start(); i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
