package dev.sonde.rules.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What Drools' own DRL parser ({@link DrlParser}, the one the compiler uses) reads in a DRL file: its package, the
 * names it imports and its rules with their place. Comments, strings and formatting cannot fool it as they fool a
 * regular expression over the text. A file with a syntax error gives what the parser read before and around the
 * error (the compiler then reports the error); one nested too deeply for the parser gives nothing
 * ({@link #parsed()} false; the compiler then fails on it too, and says so).
 *
 * @param packageName the DRL's {@code package}, or {@code ""}
 * @param imports     the names it imports, sorted, each once: classes and packages ({@code a.b.C}, {@code a.b.*}), functions
 *                    ({@code import function a.b.C.f}, {@code import static a.b.C.f}) and accumulate functions
 * @param rules       its rules, in file order
 * @param parsed      false when the parser could not read the file at all
 */
public record DrlOutline(String packageName, List<String> imports, List<Rule> rules, boolean parsed) {

    /**
     * One rule of a DRL file.
     *
     * @param name    its name, unquoted
     * @param line    the 1-based line of its {@code rule} keyword
     * @param start   the offset of its {@code rule} keyword in the text
     * @param end     the offset just after its {@code end} keyword
     * @param finding the finding id of its {@code @finding} annotation, if it has one
     * @param message the text its {@code @message} annotation names, if it has one
     */
    public record Rule(String name, int line, int start, int end, Optional<String> finding, Optional<String> message) {
    }

    /** Checks and copies the values. */
    public DrlOutline {
        imports = List.copyOf(new TreeSet<>(imports));
        rules = List.copyOf(rules);
    }

    /** Parses {@code drl}; never throws for what the text holds. */
    public static DrlOutline of(String drl) {
        PackageDescr descr;
        try {
            // the editor mode keeps what parsed around a syntax error; the strict mode would give nothing at all
            descr = new DrlParser().parse(true, drl);
        } catch (DroolsParserException | RuntimeException e) {
            return new DrlOutline("", List.of(), List.of(), false);
        } catch (StackOverflowError e) { // nested too deeply for the parser: so it is for the compiler, which says so
            return new DrlOutline("", List.of(), List.of(), false);
        }
        if (descr == null) {
            return new DrlOutline("", List.of(), List.of(), false);
        }
        Set<String> imports = new TreeSet<>();
        descr.getImports().forEach(i -> add(imports, i.getTarget()));
        descr.getFunctionImports().forEach(i -> add(imports, i.getTarget()));
        descr.getAccumulateImports().forEach(i -> add(imports, i.getTarget()));
        List<Rule> rules = new ArrayList<>();
        for (RuleDescr r : descr.getRules()) {
            if (r.getName() != null && r.getStartCharacter() >= 0) {
                rules.add(new Rule(r.getName(), Math.max(0, r.getLine()), r.getStartCharacter(),
                        end(r, drl.length()), annotation(r, "finding"), annotation(r, "message")));
            }
        }
        return new DrlOutline(descr.getName() == null ? "" : descr.getName(), List.copyOf(imports), rules, true);
    }

    /** The rule named {@code name}, if this file has it. */
    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static void add(Set<String> imports, String target) {
        if (target != null && !target.isBlank()) {
            imports.add(target.strip());
        }
    }

    /** Just after the rule's {@code end}; the end of the text when the parser could not tell (a broken rule). */
    private static int end(BaseDescr r, int length) {
        int end = r.getEndCharacter();
        return end < r.getStartCharacter() || end > length ? length : end;
    }

    private static Optional<String> annotation(RuleDescr r, String name) {
        AnnotationDescr a = r.getAnnotation(name);
        if (a == null || a.getSingleValueStripped() == null) {
            return Optional.empty();
        }
        String id = a.getSingleValueStripped().toString().strip();
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }
}
