package dev.sonde.rules.cache;

import dev.sonde.PackProblem;
import dev.sonde.rules.pack.RulePack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules as bytes, the form shared by the compile cache's entries ({@link CompileCache}) and the built-in
 * pack precompiled at build time ({@link PrecompiledPack}): a head (the classes the DRL declares, then the
 * compiler's warnings) and a body (Drools' own serialization of the compiled packages). Reading a body defines and
 * later runs the bytecode in it: callers read only bytes they trust, and always through
 * {@link CompileCache#filter}.
 */
final class CompiledForm {

    private CompiledForm() {
    }

    /** The head: the classes the DRL declares (name, bytecode), then the warnings. */
    static byte[] head(KieBase kieBase, List<PackProblem> warnings) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try (DataOutputStream h = new DataOutputStream(head)) {
            Map<String, byte[]> classes = ((ProjectClassLoader) ((InternalRuleBase) kieBase).getRootClassLoader())
                    .getStore();
            Map<String, byte[]> store = classes == null ? Map.of() : classes;
            h.writeInt(store.size());
            for (Map.Entry<String, byte[]> e : store.entrySet()) {
                h.writeUTF(e.getKey());
                h.writeInt(e.getValue().length);
                h.write(e.getValue());
            }
            h.writeInt(warnings.size());
            for (PackProblem w : warnings) {
                h.writeUTF(w.file());
                h.writeInt(w.line());
                h.writeInt(w.column());
                h.writeUTF(w.message());
            }
        }
        return head.toByteArray();
    }

    /** The body: the compiled packages, serialized by Drools. */
    static byte[] body(KieBase kieBase) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new DroolsObjectOutputStream(body)) {
            out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
        }
        return body.toByteArray();
    }

    /**
     * A knowledge base of the packages in {@code body}, their declared classes defined from {@code head}, built as
     * {@code PackCompiler} builds a freshly compiled one; classes read back may come from {@code allowed} packages
     * only (see {@link #allowedPackages}).
     */
    static CompileCache.Entry read(byte[] head, byte[] body, List<String> allowed, ClassLoader parent,
            Properties options) throws IOException, ClassNotFoundException {
        Map<String, byte[]> classes = new HashMap<>();
        List<PackProblem> warnings = new ArrayList<>();
        try (DataInputStream h = new DataInputStream(new ByteArrayInputStream(head))) {
            for (int i = 0, n = h.readInt(); i < n; i++) {
                String name = h.readUTF();
                byte[] classBytes = new byte[h.readInt()];
                h.readFully(classBytes);
                classes.put(name, classBytes);
            }
            for (int i = 0, n = h.readInt(); i < n; i++) {
                warnings.add(new PackProblem(h.readUTF(), h.readInt(), h.readInt(),
                        PackProblem.Level.WARNING, h.readUTF()));
            }
        }
        ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(parent, classes);
        Collection<KiePackage> packages = readPackages(body, loader, allowed);
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(options, loader));
        kieBase.addPackages(packages);
        return new CompileCache.Entry(kieBase, warnings);
    }

    @SuppressWarnings("unchecked")
    private static Collection<KiePackage> readPackages(byte[] body, ClassLoader loader, List<String> allowed)
            throws IOException, ClassNotFoundException {
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(body), loader)) {
            in.setObjectInputFilter(CompileCache.filter(allowed, body.length));
            return (Collection<KiePackage>) in.readObject();
        }
    }

    /**
     * Where classes read back may come from: Java, Drools, MVEL, Sonde, and the DRL's own packages (which Drools'
     * parser reads from each DRL file: a tenth of a second on a cold start).
     */
    static List<String> allowedPackages(RulePack pack) {
        List<String> allowed = new ArrayList<>(List.of("java.", "org.drools.", "org.kie.", "org.mvel2.", "dev.sonde."));
        for (String drl : pack.drl().keySet()) {
            String p = pack.outline(drl).packageName();
            if (!p.isEmpty()) {
                allowed.add(p + ".");
            }
        }
        return allowed;
    }
}
