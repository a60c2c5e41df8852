package dev.sonde.rules.pack;

import dev.sonde.PackProblem;
import dev.sonde.RulePackException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Layers packs (see {@link RulePack#load}): finds the rules of every DRL file with Drools' own parser
 * ({@link DrlOutline}), blanks out (keeping the line count, so compile errors keep their lines) the earlier rules
 * a later pack overrides (same name) or disables, and merges data files (same path: the later wins) and message
 * texts (the texts of a finding id, all languages and variants, come from the last pack that has any).
 */
final class PackLayers {

    private static final Logger LOG = LoggerFactory.getLogger(PackLayers.class);
    private static final Pattern FINDING_KEY = Pattern.compile("([A-Z][A-Z0-9_]*)\\..+");

    private PackLayers() {
    }

    /** One rule block of a DRL file. */
    record Block(String layer, String file, String name, String finding, int start, int end, int line) {
        String where() {
            return layer + "/" + file + " line " + line;
        }
    }

    /** The rules of one DRL file as Drools' parser reads them, in order. */
    static List<Block> blocks(String layer, String file, DrlOutline outline) {
        List<Block> out = new ArrayList<>();
        for (DrlOutline.Rule r : outline.rules()) {
            out.add(new Block(layer, file, r.name(), r.finding().orElse(null), r.start(), r.end(), r.line()));
        }
        return out;
    }

    static RulePack merge(List<RulePack> given) {
        List<RulePack> layers = new ArrayList<>();
        for (RulePack p : given) {
            for (String base : p.manifest().extendsPacks()) {
                boolean loaded = layers.stream().anyMatch(l -> l.manifest().id().equals(base));
                if (!loaded) {
                    RulePack builtIn = RulePack.builtIn();
                    if (!builtIn.manifest().id().equals(base)) {
                        throw layering("rule pack '" + p.manifest().id() + "' extends '" + base
                                + "', which is neither the built-in pack nor a pack given before it");
                    }
                    layers.add(builtIn);
                }
            }
            layers.add(p);
        }
        List<String> summary = new ArrayList<>();
        List<String> layerNames = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RulePack p : layers) {
            int n = seen.merge(p.manifest().id(), 1, Integer::sum);
            layerNames.add(n == 1 ? p.manifest().id() : p.manifest().id() + "#" + n);
        }
        // DRL: every block of every layer, later layers removing earlier blocks
        Map<String, StringBuilder> drl = new TreeMap<>();
        List<Block> active = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            RulePack p = layers.get(i);
            String layer = layerNames.get(i);
            List<Block> mine = new ArrayList<>();
            for (Map.Entry<String, String> f : p.drl().entrySet()) {
                mine.addAll(blocks(layer, f.getKey(), p.outline(f.getKey())));
                drl.put(layer + "/" + f.getKey(), new StringBuilder(f.getValue()));
            }
            Map<String, Block> names = new LinkedHashMap<>();
            for (Block b : mine) {
                Block twin = names.putIfAbsent(b.name(), b);
                if (twin != null) {
                    throw layering("rule pack '" + p.manifest().id() + "' has two rules named \"" + b.name()
                            + "\" (" + twin.where() + " and " + b.where() + ")");
                }
            }
            Set<String> disables = new LinkedHashSet<>(p.manifest().disables());
            Set<String> disabledFound = new HashSet<>();
            List<Block> kept = new ArrayList<>();
            for (Block b : active) {
                String why = null;
                if (names.containsKey(b.name())) {
                    why = layer + " overrides rule \"" + b.name() + "\" of " + b.where();
                } else if (disables.contains(b.name())) {
                    disabledFound.add(b.name());
                    why = layer + " disables rule \"" + b.name() + "\" of " + b.where();
                }
                if (why == null) {
                    kept.add(b);
                } else {
                    summary.add(why);
                    blank(drl.get(b.layer() + "/" + b.file()), b);
                }
            }
            for (String d : disables) {
                if (!disabledFound.contains(d)) {
                    summary.add(layer + " disables rule \"" + d + "\", which no pack before it has (nothing removed)");
                }
            }
            for (Block b : mine) { // same finding id, other name: added next to the earlier rules, said so
                if (b.finding() != null) {
                    long earlier = kept.stream().filter(k -> b.finding().equals(k.finding())).count();
                    if (earlier > 0) {
                        summary.add(layer + " adds rule \"" + b.name() + "\" raising " + b.finding() + " next to " + earlier
                                + " earlier rule" + (earlier == 1 ? "" : "s") + " raising it (disable them by name to replace them)");
                    }
                }
            }
            kept.addAll(mine);
            active = kept;
        }
        // data files: a later file of the same path replaces the earlier one
        Map<String, List<Object>> data = new LinkedHashMap<>();
        Map<String, String> dataOwner = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layerNames.get(i);
            for (Map.Entry<String, List<Object>> f : layers.get(i).dataFiles().entrySet()) {
                String before = dataOwner.put(f.getKey(), layer);
                if (before != null) {
                    summary.add(layer + " replaces data file " + f.getKey() + " of " + before);
                    data.remove(f.getKey());
                }
                data.put(f.getKey(), f.getValue());
            }
        }
        // messages: the texts of a finding id come from the last pack that has any; other keys one by one
        Map<String, Map<String, String>> messages = new TreeMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Map<String, String>> mine = layers.get(i).messageTexts();
            Set<String> ids = new HashSet<>();
            mine.values().forEach(b -> b.keySet().forEach(k -> {
                Matcher fk = FINDING_KEY.matcher(k);
                if (fk.matches()) {
                    ids.add(fk.group(1));
                }
            }));
            Set<String> replaced = new java.util.TreeSet<>();
            for (Map<String, String> b : messages.values()) {
                b.keySet().removeIf(k -> {
                    Matcher fk = FINDING_KEY.matcher(k);
                    boolean gone = fk.matches() && ids.contains(fk.group(1));
                    if (gone) {
                        replaced.add(fk.group(1));
                    }
                    return gone;
                });
            }
            for (String id : replaced) {
                summary.add(layerNames.get(i) + " replaces the texts of " + id);
            }
            mine.forEach((tag, b) -> messages.computeIfAbsent(tag, t -> new LinkedHashMap<>()).putAll(b));
        }
        List<String> header = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            RulePack p = layers.get(i);
            String name = layerNames.get(i);
            long rules = active.stream().filter(b -> b.layer().equals(name)).count();
            header.add("pack " + layerNames.get(i) + " " + p.manifest().version() + " (" + p.origin() + "): " + rules
                    + (rules == 1 ? " rule" : " rules") + " in use");
        }
        header.addAll(summary);
        header.forEach(l -> LOG.info("rule packs: {}", l));
        Map<String, String> texts = new TreeMap<>();
        drl.forEach((k, v) -> texts.put(k, v.toString()));
        RulePack top = layers.get(layers.size() - 1);
        StringBuilder origin = new StringBuilder();
        for (RulePack p : layers) {
            origin.append(origin.length() == 0 ? "" : " + ").append(p.origin());
        }
        List<String> packs = new ArrayList<>();
        layers.forEach(p -> packs.addAll(p.packs()));
        return new RulePack(top.manifest(), texts, data, messages, origin.toString(), true, header, packs);
    }

    /** A pack that cannot be layered: a problem of how its {@code pack.json} layers it. */
    private static RulePackException layering(String why) {
        return new RulePackException(why, List.of(PackProblem.error("pack.json", why)));
    }

    /** Replaces the block by spaces, keeping its line breaks. */
    private static void blank(StringBuilder text, Block b) {
        for (int i = b.start(); i < b.end(); i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
