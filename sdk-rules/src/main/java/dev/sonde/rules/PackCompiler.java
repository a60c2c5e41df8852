package dev.sonde.rules;

import dev.sonde.SondeException;
import dev.sonde.rules.model.RuleMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.internal.builder.InternalKieBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a {@link RulePack}'s DRL into a {@link KieBase} once: {@code KieServices} →
 * {@code KieFileSystem} (with a generated pom under a unique {@code ReleaseId}, so that concurrent
 * builds never share a module) → {@code KieBuilder.buildAll()}; the module is removed from the
 * repository afterwards. Duplicate rule names are errors. Then checks every rule's finding metadata
 * and that the English bundle has a title and explanation for every finding id.
 */
final class PackCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(PackCompiler.class);
    private static final int MAX_PROBLEMS_SHOWN = 10;

    private PackCompiler() {
    }

    /** The compiled pack and the finding ids its rules can raise. */
    record Compiled(KieBase kieBase, Set<String> findingIds, int rules) {
    }

    static Compiled compile(RulePack pack) {
        String id = pack.manifest().id();
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = PackCompiler.class.getClassLoader();
        ReleaseId releaseId = ks.newReleaseId("dev.sonde.packs", id + "-" + UUID.randomUUID(),
                pack.manifest().version().isBlank() ? "0" : sanitizeVersion(pack.manifest().version()));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> packPath = new HashMap<>(); // Drools' path → "gwsmo/certificates.drl"
        for (Map.Entry<String, String> drl : pack.drl().entrySet()) {
            // the folder follows the DRL's package, as Drools expects; messages name the pack's own path
            String folder = packageOf(drl.getValue()).replace('.', '/');
            String name = drl.getKey().replace('/', '_');
            String path = (folder.isEmpty() ? "" : folder + "/") + name;
            packPath.put(path, id + "/" + drl.getKey());
            kfs.write("src/main/resources/" + path, drl.getValue());
        }
        KieModuleModel module = ks.newKieModuleModel();
        module.setConfigurationProperty("drools.kbuilder.severity.duplicateRule", "ERROR");
        module.setConfigurationProperty("drools.kbuilder.severity.duplicateFunction", "ERROR");
        // facts are immutable: no rule modifies them, so property reactivity buys nothing
        module.setConfigurationProperty("drools.propertySpecific", "ALLOWED");
        KieBuilder builder = ((InternalKieBuilder) ks.newKieBuilder(kfs, loader)).withKModuleModel(module);
        KieBase kieBase;
        try {
            builder.buildAll();
            Results results = builder.getResults();
            List<String> errors = new ArrayList<>();
            for (Message m : results.getMessages()) {
                if (m.getLevel() == Message.Level.ERROR) {
                    errors.add(describe(m, packPath));
                } else if (m.getLevel() == Message.Level.WARNING) {
                    LOG.warn("rule pack {}: {}", id, describe(m, packPath));
                }
            }
            if (!errors.isEmpty()) {
                throw new SondeException(summary(id, errors));
            }
            kieBase = ks.newKieContainer(releaseId, loader).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        Set<String> ids = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                rules++;
                if (RuleMetadata.raisesFinding(r.getMetaData())) {
                    try {
                        ids.add(RuleMetadata.finding(r.getName(), r.getMetaData()));
                        RuleMetadata.check(r.getName(), r.getMetaData());
                    } catch (IllegalStateException e) {
                        problems.add(id + "/" + ruleFile(pack, r.getName()) + ": " + e.getMessage());
                    }
                }
            }
        }
        MessageBundle messages = pack.messages();
        for (String findingId : ids) {
            for (String part : List.of("title", "explanation")) {
                if (!messages.hasDefault(findingId + "." + part)) {
                    problems.add(messages.defaultFile() + ": no " + part + " for finding " + findingId
                            + " (key " + findingId + "." + part + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SondeException(summary(id, problems));
        }
        return new Compiled(kieBase, ids, rules);
    }

    /** {@code gwsmo/certificates.drl line 12: <problem>}, on one line. */
    static String describe(Message m, Map<String, String> packPath) {
        String path = m.getPath() == null ? "" : packPath.getOrDefault(m.getPath(), m.getPath());
        String where = path.isEmpty() ? "" : path + (m.getLine() > 0 ? " line " + m.getLine() : "") + ": ";
        String text = m.getText() == null ? "" : m.getText().replaceAll("\\s+", " ").trim();
        if (text.length() > 400) {
            text = text.substring(0, 399) + "…";
        }
        return where + text;
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_$][A-Za-z0-9_$.]*)\\s*;?");

    /** The DRL's package, or {@code ""}. */
    static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", ""));
        return m.find() ? m.group(1) : "";
    }

    private static String summary(String id, List<String> problems) {
        StringBuilder sb = new StringBuilder(problems.get(0));
        for (int i = 1; i < Math.min(problems.size(), MAX_PROBLEMS_SHOWN); i++) {
            sb.append('\n').append(problems.get(i));
        }
        if (problems.size() > MAX_PROBLEMS_SHOWN) {
            sb.append("\n(and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more problems in rule pack ")
                    .append(id).append(')');
        }
        return sb.toString();
    }

    private static String ruleFile(RulePack pack, String ruleName) {
        String quoted = "rule \"" + ruleName + "\"";
        for (Map.Entry<String, String> e : pack.drl().entrySet()) {
            if (e.getValue().contains(quoted)) {
                return e.getKey();
            }
        }
        return "(unknown file)";
    }

    private static String sanitizeVersion(String v) {
        String s = v.replaceAll("[^A-Za-z0-9._-]", "");
        return s.isEmpty() ? "0" : s;
    }
}
