package dev.sonde.rules.lint;

import dev.sonde.PackProblem;
import dev.sonde.rules.pack.MessageBundle;
import dev.sonde.rules.pack.RulePack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts missing from a non-English bundle (that language shows the English text instead, see
 * {@link MessageBundle#forLocale}), the plain ones ({@code <ID>.title} ...) and those rules name
 * ({@code <ID>.live.title} ...), and keys of a non-English bundle that no English bundle has (likely typos):
 * warnings, for the pack's own bundles and the finding ids whose texts it provides.
 */
final class TranslationLint {
    private static final Pattern STEP = Pattern.compile("(.+)\\.remediation\\.([0-9]{1,4})");
    /** A key of a text a rule names: {@code <ID>.<name>.title}, {@code .explanation}, {@code .remediation.<n>}. */
    private static final Pattern NAMED = Pattern.compile("([A-Z][A-Z0-9_]*)\\.([a-z][A-Za-z0-9]*)\\.(title|explanation|remediation\\.[0-9]{1,4})");

    private TranslationLint() {
    }

    /**
     * @param own         the pack as read from its folder
     * @param effective   the pack as it will be used (layered over the packs it extends), or {@code own}
     * @param ids         the finding ids the rules can raise
     * @param bundleTexts the bundles' file text by file name, to find a key's line
     */
    static void check(RulePack own, RulePack effective, Set<String> ids, Map<String, String> bundleTexts,
            List<PackProblem> problems) {
        Map<String, Map<String, String>> texts = own.messageTexts();
        Set<String> ownIds = new TreeSet<>(ids);
        if (own != effective) { // texts of the other ids come from the packs this one extends
            Set<String> keyed = new HashSet<>();
            texts.values().forEach(b -> b.keySet().forEach(k -> keyed.add(base(k).split("\\.", 2)[0])));
            ownIds.retainAll(keyed);
        }
        MessageBundle messages = effective.messages();
        Set<String> english = new TreeSet<>(messages.keys("en"));
        english.addAll(messages.keys(""));
        String englishFile = texts.containsKey("en") || !texts.containsKey("") ? "messages_en.properties" : "messages.properties";
        for (String tag : texts.keySet()) {
            String language = tag.isEmpty() ? "en" : tag.split("-")[0].toLowerCase(Locale.ROOT);
            if (language.equals("en")) {
                continue;
            }
            String file = "messages_" + tag.replace('-', '_') + ".properties";
            String name = languageName(tag);
            Set<String> mine = keysFor(own.messages(), tag);
            for (String id : ownIds) {
                for (String part : List.of("title", "explanation")) {
                    String key = id + "." + part;
                    if (english.contains(key) && !mine.contains(key)) {
                        problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " " + part
                                + " for finding " + id + " (key " + key + "); English is shown instead"));
                    } else if (english.contains(key) && hasDefault(effective.messageTexts(), List.of("en", ""), key)
                            && !hasDefault(texts, chain(tag), key)) {
                        // a key's variants all come from one language: French conditions that all fail give no text
                        problems.add(new PackProblem(file, lineOf(bundleTexts.get(file), key), 0, PackProblem.Level.WARNING, "the "
                                + name + " " + part + " of finding " + id + " has only variants with conditions (key "
                                + key + "[...]); when none holds, " + name + " readers get "
                                + (part.equals("title") ? "the finding id as its title" : "no explanation")
                                + " (English has one without conditions, but is not used for a key " + name + " has)"));
                    }
                }
                SortedSet<Integer> enSteps = steps(english, id);
                SortedSet<Integer> steps = steps(mine, id);
                if (!enSteps.isEmpty() && steps.isEmpty()) {
                    problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " remediation for finding " + id
                            + " (keys " + id + ".remediation." + enSteps.first()
                            + (enSteps.size() > 1 ? ".." + enSteps.last() : "") + "); English is shown instead"));
                } else if (!steps.isEmpty()) {
                    for (int n : enSteps) {
                        if (!steps.contains(n)) {
                            problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " remediation step " + n
                                    + " for finding " + id + " (key " + id + ".remediation." + n + "); English has it, so "
                                    + name + " shows fewer steps"));
                        }
                    }
                }
            }
            for (String key : english) { // the texts rules name (@message): <ID>.<name>.title ...
                Matcher named = NAMED.matcher(key);
                if (named.matches() && ownIds.contains(named.group(1)) && !mine.contains(key)) {
                    problems.add(new PackProblem(file, 0, 0, PackProblem.Level.WARNING, "no " + name + " text for key " + key
                            + " (the text '" + named.group(2) + "' of finding " + named.group(1) + "); English is shown instead"));
                }
            }
            for (String key : own.messages().keys(tag)) {
                if (!english.contains(key)) {
                    problems.add(new PackProblem(file, lineOf(bundleTexts.get(file), key), 0, PackProblem.Level.WARNING, "key " + key
                            + " is not in " + englishFile + " (a typo?)"));
                }
            }
        }
    }

    /** A tag and the tags it falls back to before English: {@code fr-CA}, {@code fr}. */
    private static List<String> chain(String tag) {
        List<String> out = new ArrayList<>();
        for (String t = tag; !t.isEmpty(); t = t.lastIndexOf('-') < 0 ? "" : t.substring(0, t.lastIndexOf('-'))) {
            out.add(t);
        }
        return out;
    }

    /**
     * True when the first bundle of {@code tags} that has {@code key} (in any variant) has a variant of it without
     * conditions: the variants of a key are all taken from that one bundle.
     */
    private static boolean hasDefault(Map<String, Map<String, String>> texts, List<String> tags, String key) {
        for (String tag : tags) {
            Map<String, String> bundle = null;
            for (Map.Entry<String, Map<String, String>> e : texts.entrySet()) {
                if (e.getKey().equalsIgnoreCase(tag)) {
                    bundle = e.getValue();
                }
            }
            if (bundle != null && bundle.keySet().stream().anyMatch(k -> base(k).equals(key))) {
                return bundle.keySet().stream().anyMatch(k -> k.trim().equals(key));
            }
        }
        return false;
    }

    /** The base keys of a language and of the languages it falls back to before English ({@code fr-ca}, {@code fr}). */
    private static Set<String> keysFor(MessageBundle messages, String tag) {
        Set<String> out = new TreeSet<>();
        String t = tag.toLowerCase(Locale.ROOT);
        while (!t.isEmpty()) {
            out.addAll(messages.keys(t));
            int dash = t.lastIndexOf('-');
            t = dash < 0 ? "" : t.substring(0, dash);
        }
        return out;
    }

    private static SortedSet<Integer> steps(Set<String> keys, String id) {
        SortedSet<Integer> out = new TreeSet<>();
        for (String k : keys) {
            Matcher m = STEP.matcher(k);
            if (m.matches() && m.group(1).equals(id)) {
                out.add(Integer.parseInt(m.group(2)));
            }
        }
        return out;
    }

    /** {@code French}, {@code French (Canada)}; the tag itself for a language Java does not know. */
    static String languageName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(tag) || name.equalsIgnoreCase(locale.getLanguage())
                ? "'" + tag + "'" : name;
    }

    private static String base(String key) {
        int bracket = key.indexOf('[');
        return (bracket < 0 ? key : key.substring(0, bracket)).trim();
    }

    /** The 1-based line of the first entry of base key {@code key} in a properties text, or 0. */
    static int lineOf(String text, String key) {
        if (text == null) {
            return 0;
        }
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean wasContinued = continued;
            int trailing = 0;
            for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
                trailing++;
            }
            String stripped = line.stripLeading();
            continued = trailing % 2 == 1 && !stripped.startsWith("#") && !stripped.startsWith("!");
            if (wasContinued || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                continue;
            }
            StringBuilder k = new StringBuilder();
            for (int j = 0; j < stripped.length(); j++) {
                char c = stripped.charAt(j);
                if (c == '\\' && j + 1 < stripped.length()) {
                    k.append(stripped.charAt(++j));
                } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                    break;
                } else {
                    k.append(c);
                }
            }
            if (base(k.toString()).equals(key)) {
                return i + 1;
            }
        }
        return 0;
    }
}
