package dev.sonde.rules.lint;

import dev.sonde.PackProblem;
import dev.sonde.SondeException;
import dev.sonde.rules.engine.PackCompiler;
import dev.sonde.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A pack's rules, compiled once as they will be used: layered over the packs it extends (a {@code disables} that
 * removes nothing is a warning), then compiled, every compiler problem named by the pack's own file and line.
 */
final class DrlLint {

    private DrlLint() {
    }

    /**
     * The finding ids the rules can raise, or empty when they do not compile.
     *
     * @param asRead the pack as read from its folder
     * @return the ids, and the pack as it will be used (layered), when the rules compiled
     */
    static Optional<Compiled> check(RulePack asRead, List<PackProblem> problems) {
        RulePack pack = asRead;
        if (!pack.manifest().extendsPacks().isEmpty() || !pack.manifest().disables().isEmpty()) {
            try {
                pack = RulePack.layered(List.of(pack)); // compiled over the pack it extends, as it will be used
            } catch (SondeException e) {
                problems.addAll(PackText.problemsOf(e));
                return Optional.empty();
            }
            pack.loadSummary().stream().filter(l -> l.contains("(nothing removed)"))
                    .forEach(l -> problems.add(PackProblem.warning("pack.json", l)));
        }
        List<PackProblem> compileProblems = new ArrayList<>();
        PackCompiler.Compiled compiled = PackCompiler.compile(pack, compileProblems);
        // layered DRL paths start with their pack's id: this pack's own files are named as in its folder
        String own = pack.layered() ? pack.manifest().id() + "/" : "";
        for (PackProblem p : compileProblems) {
            problems.add(!own.isEmpty() && p.file().startsWith(own)
                    ? new PackProblem(p.file().substring(own.length()), p.line(), p.column(), p.level(), p.message()) : p);
        }
        return compiled == null ? Optional.empty() : Optional.of(new Compiled(pack, compiled.findingIds()));
    }

    /**
     * @param effective  the pack as it will be used (layered over the packs it extends, or as read)
     * @param findingIds the finding ids its rules can raise
     */
    record Compiled(RulePack effective, Set<String> findingIds) {
    }
}
