package dev.sonde.rules.pack;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's message bundles ({@code messages_<lang>.properties}) and how finding text is made from them.
 *
 * <p>Keys per finding id: {@code <ID>.title}, {@code <ID>.explanation}, {@code <ID>.remediation.1..n}. A rule names
 * its own text with {@code @message("live")}: its detections then read {@code <ID>.live.title},
 * {@code <ID>.live.explanation} and {@code <ID>.live.remediation.<n>}, each key falling back to the plain one
 * ({@code <ID>.title} ...) when the named one is missing; a remediation step {@code n} of the named text replaces
 * step {@code n} of the plain one, and an empty one leaves it out. A finding's text is that of one detection (see
 * {@code FindingAssembler}), filled with that detection's parameters only.
 *
 * <p>Any key may carry conditions on those parameters, {@code <key>[clock=ahead]} (it has that value) or
 * {@code <key>[product]} (it is present: the older way, kept for packs written before {@code @message}),
 * comma-separated: among a key's variants whose conditions all hold, the one with the most conditions wins (file
 * order breaks ties); a variant with no condition is the default. A key whose variants all fail falls back as a
 * missing one does; a remediation step with only conditional variants, none of which holds, is left out.
 *
 * <p>Placeholders: {@code {name}} is the parameter's value; {@code {name,duration}} reads an ISO-8601
 * period or duration ({@code P4Y9M}) and writes it in words ({@code about 4 years 9 months}) with the
 * keys {@code format.about}, {@code format.pair} and {@code unit.<year|month|day|hour|minute>.<one|other>};
 * {@code {name,date}} keeps the date of an ISO time; {@code {name,time}} writes an ISO time to the second
 * ({@code 2026-12-03 21:04:09 UTC}); {@code {name,term}} writes a coded value ({@code TIMED_OUT}) in words from
 * the key {@code term.<name>.<value>}, or in lower case with spaces when there is none; {@code {name,amount}} is a
 * duration in words without "about" ({@code 4 years 9 months}). {@code {name|text}} (any format too:
 * {@code {name,term|text}}) shows {@code text} when the detection has no value for {@code name}, for a value a rule
 * gives only when its input has it ({@code {name|}} shows nothing, and takes the space before it along); any other parameter the detection lacks stays visible as {@code {name}}. Other
 * keys: {@code step.<n>} names the article's steps.
 *
 * <p>A locale falls back to its language, then to English, then to {@code messages.properties}; the
 * choice is made per key family (all variants of a key come from one language).
 */
public final class MessageBundle {

    private static final Pattern CONDITIONAL = Pattern.compile("(.+)\\[([^\\]]*)]");
    private static final Pattern STEP_NUMBER = Pattern.compile("[0-9]{1,4}");
    /** Locales whose texts are kept once made (more are made again at each call). */
    private static final int MAX_CACHED_LOCALES = 16;

    private final String packId;
    /** language tag → base key → variants in file order. */
    private final Map<String, Map<String, List<Variant>>> bundles;
    private final Map<Locale, Texts> texts = new ConcurrentHashMap<>();

    MessageBundle(String packId, Map<String, Map<String, String>> byTag) {
        this.packId = packId;
        Map<String, Map<String, List<Variant>>> b = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> e : byTag.entrySet()) {
            Map<String, List<Variant>> families = new LinkedHashMap<>();
            for (Map.Entry<String, String> kv : e.getValue().entrySet()) {
                String key = kv.getKey();
                if (key.indexOf('[') >= 0 != key.trim().endsWith("]")) {
                    throw new dev.sonde.SondeException(packId + "/messages" + (e.getKey().isEmpty() ? "" : "_"
                            + e.getKey().replace('-', '_')) + ".properties: key '" + key + "' has an unclosed condition "
                            + "(write '=' inside a key as '\\=', e.g. [clock\\=ahead])");
                }
                Variant v = Variant.parse(kv.getKey(), kv.getValue());
                families.computeIfAbsent(v.base, k -> new ArrayList<>()).add(v);
            }
            b.put(e.getKey().toLowerCase(Locale.ROOT), families);
        }
        this.bundles = Collections.unmodifiableMap(b);
    }

    /** The language tags with a bundle ({@code en}, {@code fr}; {@code ""} for {@code messages.properties}). */
    public Set<String> languages() {
        return bundles.keySet();
    }

    /** The base keys (conditions removed) of one language's bundle. */
    public Set<String> keys(String languageTag) {
        Map<String, List<Variant>> b = bundles.get(languageTag.toLowerCase(Locale.ROOT));
        return b == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(b.keySet()));
    }

    /** True when the key exists (in any variant) in English or the root bundle. */
    public boolean hasDefault(String key) {
        for (String tag : List.of("en", "")) {
            Map<String, List<Variant>> b = bundles.get(tag);
            if (b != null && b.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when English or the root bundle has a key of the text {@code message} of finding {@code id}
     * ({@code <ID>.<message>.title}, {@code .explanation} or a {@code .remediation.<n>}).
     */
    public boolean names(String id, String message) {
        String prefix = id + "." + message + ".";
        for (String tag : List.of("en", "")) {
            Map<String, List<Variant>> b = bundles.get(tag);
            if (b != null && b.keySet().stream().anyMatch(k -> k.startsWith(prefix)
                    && k.substring(prefix.length()).matches("title|explanation|remediation\\.[0-9]{1,4}"))) {
                return true;
            }
        }
        return false;
    }

    /** The bundle file a base key's default text lives in, for messages ({@code gwsmo/messages_en.properties}). */
    public String defaultFile() {
        return packId + "/messages_en.properties";
    }

    /** Text for one locale. */
    public Texts forLocale(Locale locale) {
        Texts known = texts.get(locale);
        if (known != null) {
            return known;
        }
        Texts made = textsFor(locale);
        if (texts.size() < MAX_CACHED_LOCALES) { // every analysis asks; a bundle is immutable
            texts.putIfAbsent(locale, made);
        }
        return made;
    }

    private Texts textsFor(Locale locale) {
        List<String> chain = new ArrayList<>();
        String tag = locale.toLanguageTag().toLowerCase(Locale.ROOT);
        while (!tag.isEmpty() && !tag.equals("und")) {
            if (bundles.containsKey(tag) && !chain.contains(tag)) {
                chain.add(tag);
            }
            int dash = tag.lastIndexOf('-');
            tag = dash < 0 ? "" : tag.substring(0, dash);
        }
        for (String fallback : List.of("en", "")) {
            if (bundles.containsKey(fallback) && !chain.contains(fallback)) {
                chain.add(fallback);
            }
        }
        List<Map<String, List<Variant>>> maps = new ArrayList<>();
        for (String t : chain) {
            maps.add(bundles.get(t));
        }
        return new Texts(maps);
    }

    /** Finding text in one locale (a fall-back chain of bundles). Immutable. */
    public static final class Texts {
        private final List<Map<String, List<Variant>>> chain;
        /** Remediation steps by key prefix, found once: looking means a walk through every key of the bundles. */
        private final Map<String, TreeMap<Integer, List<Variant>>> stepsByPrefix = new ConcurrentHashMap<>();
        /** By finding id, then message: where its title, explanation and steps are (pack keys only, no values). */
        private final Map<String, Map<String, Lookup>> lookups = new ConcurrentHashMap<>();

        private Texts(List<Map<String, List<Variant>>> chain) {
            this.chain = chain;
        }

        /** The finding's title, or {@code null} when the bundle has none that applies. */
        public String title(String id, Map<String, List<String>> params) {
            return title(id, "", params);
        }

        /** The title of the text a rule names ({@code message}, or {@code ""} for the plain keys), or {@code null}. */
        public String title(String id, String message, Map<String, List<String>> params) {
            return part(lookup(id, message).title(), params);
        }

        /** The finding's explanation, or {@code null}. */
        public String explanation(String id, Map<String, List<String>> params) {
            return explanation(id, "", params);
        }

        /** The explanation of the text a rule names, or {@code null}. */
        public String explanation(String id, String message, Map<String, List<String>> params) {
            return part(lookup(id, message).explanation(), params);
        }

        /** The finding's remediation steps, in order (those whose conditions hold). */
        public List<String> remediation(String id, Map<String, List<String>> params) {
            return remediation(id, "", params);
        }

        /**
         * The remediation steps of the text a rule names, in order: each step {@code n} from
         * {@code <ID>.<message>.remediation.<n>} when it has a variant that holds (an empty text leaves the step out),
         * else from {@code <ID>.remediation.<n>}.
         */
        public List<String> remediation(String id, String message, Map<String, List<String>> params) {
            List<String> out = new ArrayList<>();
            for (Part step : lookup(id, message).steps()) {
                Variant v = step.chosen(params);
                if (v != null && !v.text.isBlank()) {
                    out.add(v.template.fill(params, this));
                }
            }
            return out;
        }

        /** The most ids whose lookups are kept ({@link #lookup}): a pack has far fewer; others are not kept. */
        static final int LOOKUPS_KEPT = 1024;

        /** What the text of a finding id and a rule's message looks up, found once per id and message. */
        private Lookup lookup(String id, String message) {
            String m = message == null ? "" : message;
            Map<String, Lookup> byMessage = lookups.get(id);
            Lookup known = byMessage == null ? null : byMessage.get(m);
            if (known != null) {
                return known;
            }
            Lookup made = findLookup(id, m);
            if (byMessage != null || lookups.size() < LOOKUPS_KEPT) {
                lookups.computeIfAbsent(id, k -> new ConcurrentHashMap<>()).putIfAbsent(m, made);
            }
            return made;
        }

        private Lookup findLookup(String id, String message) {
            boolean named = !message.isEmpty();
            TreeMap<Integer, List<Variant>> plain = steps(id + ".remediation.");
            TreeMap<Integer, List<Variant>> namedSteps = named ? steps(id + "." + message + ".remediation.")
                    : new TreeMap<>();
            TreeMap<Integer, Boolean> numbers = new TreeMap<>();
            plain.keySet().forEach(n -> numbers.put(n, true));
            namedSteps.keySet().forEach(n -> numbers.put(n, true));
            List<Part> steps = new ArrayList<>();
            for (int n : numbers.keySet()) {
                steps.add(new Part(namedSteps.get(n), plain.get(n)));
            }
            return new Lookup(
                    new Part(named ? variants(id + "." + message + ".title") : null, variants(id + ".title")),
                    new Part(named ? variants(id + "." + message + ".explanation") : null, variants(id + ".explanation")),
                    List.copyOf(steps));
        }

        /** The variants of a key in the first bundle of the chain that has it, or {@code null}. */
        private List<Variant> variants(String key) {
            for (Map<String, List<Variant>> bundle : chain) {
                List<Variant> variants = bundle.get(key);
                if (variants != null) {
                    return variants;
                }
            }
            return null;
        }

        /** The steps under {@code prefix} of the first bundle of the chain that has any. */
        private TreeMap<Integer, List<Variant>> steps(String prefix) {
            return stepsByPrefix.computeIfAbsent(prefix, this::findSteps); // never changed by the caller
        }

        private TreeMap<Integer, List<Variant>> findSteps(String prefix) {
            for (Map<String, List<Variant>> bundle : chain) {
                TreeMap<Integer, List<Variant>> steps = new TreeMap<>();
                for (Map.Entry<String, List<Variant>> e : bundle.entrySet()) {
                    String rest = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : null;
                    if (rest != null && STEP_NUMBER.matcher(rest).matches()) {
                        steps.put(Integer.parseInt(rest), e.getValue());
                    }
                }
                if (!steps.isEmpty()) {
                    return steps;
                }
            }
            return new TreeMap<>();
        }

        /** {@code <ID>.<message>.<part>}, else {@code <ID>.<part>}. */
        private String part(Part part, Map<String, List<String>> params) {
            Variant v = part.chosen(params);
            return v == null ? null : v.template.fill(params, this);
        }

        /** The label of an article step ({@code step.4}), or {@code null}. */
        public String step(String step) {
            return step == null || step.isBlank() ? null : text("step." + step.trim(), Map.of());
        }

        /** Any key's text with placeholders filled, or {@code null} when no variant applies. */
        public String text(String key, Map<String, List<String>> params) {
            for (Map<String, List<Variant>> bundle : chain) {
                List<Variant> variants = bundle.get(key);
                if (variants != null) {
                    Variant v = choose(variants, params);
                    return v == null ? null : v.template.fill(params, this);
                }
            }
            return null;
        }

        private String raw(String key) {
            for (Map<String, List<Variant>> bundle : chain) {
                List<Variant> variants = bundle.get(key);
                if (variants != null) {
                    for (Variant v : variants) {
                        if (v.conditions.isEmpty()) {
                            return v.text;
                        }
                    }
                }
            }
            return null;
        }

        private static Variant choose(List<Variant> variants, Map<String, List<String>> params) {
            Variant best = null;
            for (Variant v : variants) {
                if (v.holds(params) && (best == null || v.conditions.size() > best.conditions.size())) {
                    best = v;
                }
            }
            return best;
        }

        /** A duration in words, e.g. {@code about 4 years 9 months}; the ISO text when it cannot be read. */
        public String duration(String iso) {
            String words = amount(iso);
            return words.equals(iso) ? iso : orDefault(raw("format.about"), "about {0}").replace("{0}", words);
        }

        /** A duration in words without "about", e.g. {@code 4 years 9 months}; the ISO text when it cannot be read. */
        public String amount(String iso) {
            long[] amounts = new long[5];
            String[] units = {"year", "month", "day", "hour", "minute"};
            try {
                if (iso.contains("T")) {
                    Duration d = Duration.parse(iso);
                    amounts[2] = d.toDays();
                    amounts[3] = d.toHoursPart();
                    amounts[4] = d.toMinutesPart();
                } else {
                    Period p = Period.parse(iso).normalized();
                    amounts[0] = p.getYears();
                    amounts[1] = p.getMonths();
                    amounts[2] = p.getDays();
                }
            } catch (DateTimeParseException e) {
                return iso;
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < units.length && parts.size() < 2; i++) {
                if (amounts[i] != 0 || !parts.isEmpty()) {
                    if (amounts[i] != 0) {
                        String u = raw("unit." + units[i] + (Math.abs(amounts[i]) == 1 ? ".one" : ".other"));
                        parts.add(u == null ? amounts[i] + " " + units[i] : u.replace("{0}", Long.toString(amounts[i])));
                    } else {
                        break; // "4 years" rather than "4 years 0 months"
                    }
                }
            }
            if (parts.isEmpty()) {
                String u = raw("unit.minute.other");
                parts.add(u == null ? "0 minutes" : u.replace("{0}", "0"));
            }
            return parts.size() == 1 ? parts.get(0)
                    : orDefault(raw("format.pair"), "{0} {1}").replace("{0}", parts.get(0)).replace("{1}", parts.get(1));
        }

        /** A coded value in words: the key {@code term.<name>.<value>}, else the value in lower case with spaces. */
        String term(String name, String value) {
            String t = raw("term." + name + "." + value);
            return t != null ? t : value.replace('_', ' ').toLowerCase(Locale.ROOT);
        }

        private static String orDefault(String s, String d) {
            return s == null ? d : s;
        }
    }

    /** An ISO time to the second, with its zone ({@code 2026-12-03 21:04:09 UTC}); the text itself when it is none. */
    static String time(String iso) {
        try {
            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(iso);
            String zone = t.getOffset().equals(java.time.ZoneOffset.UTC) ? "UTC" : t.getOffset().getId();
            return t.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")) + " " + zone;
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
            } catch (DateTimeParseException e2) {
                return iso;
            }
        }
    }

    /**
     * One text of a finding: the variants of the key the rule's message names ({@code <ID>.<message>.title}) and
     * of the plain key ({@code <ID>.title}), each {@code null} when no bundle has it.
     */
    private record Part(List<Variant> named, List<Variant> plain) {

        /** The named key's variant that holds, else the plain key's, or {@code null}. */
        Variant chosen(Map<String, List<String>> params) {
            Variant v = named == null ? null : Texts.choose(named, params);
            return v != null || plain == null ? v : Texts.choose(plain, params);
        }
    }

    /** Where the title, the explanation and the remediation steps (in order) of a finding's text are. */
    private record Lookup(Part title, Part explanation, List<Part> steps) {
    }

    /** One variant of a key: its base key, its conditions and its text. */
    private record Variant(String base, Map<String, String> conditions, String text, MessageTemplate template) {

        Variant(String base, Map<String, String> conditions, String text) {
            this(base, conditions, text, MessageTemplate.parse(text));
        }

        static Variant parse(String key, String text) {
            Matcher m = CONDITIONAL.matcher(key.trim());
            if (!m.matches()) {
                return new Variant(key.trim(), Map.of(), text);
            }
            Map<String, String> conditions = new LinkedHashMap<>();
            for (String c : m.group(2).split(",")) {
                String t = c.trim();
                if (t.isEmpty()) {
                    continue;
                }
                int eq = t.indexOf('=');
                conditions.put(eq < 0 ? t : t.substring(0, eq).trim(), eq < 0 ? null : t.substring(eq + 1).trim());
            }
            return new Variant(m.group(1).trim(), conditions, text);
        }

        boolean holds(Map<String, List<String>> params) {
            for (Map.Entry<String, String> c : conditions.entrySet()) {
                String v = String.join(", ", params.getOrDefault(c.getKey(), List.of()));
                if (v == null || v.isBlank() || (c.getValue() != null && !c.getValue().equalsIgnoreCase(v))) {
                    return false;
                }
            }
            return true;
        }
    }
}
