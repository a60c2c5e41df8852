package dev.sonde.report;

import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.rules.cases.RecordedProbes;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text report of every golden case of the built-in pack, in English and French, reads as prose: no raw constant of
 * a {@code dev.sonde.facts} enum ({@code TIMED_OUT}), no ISO-8601 duration ({@code PT0.123456789S}), no
 * {@code {placeholder}} left unfilled, and no count of one with a plural noun ({@code 1 checks}). Evidence lines are
 * quoted input and left out: a log may well say {@code TIMED_OUT}.
 */
class GoldenProseTest {

    static final Path CASES = Path.of("../sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases");
    /** Constants that are words of the prose as well (a CRL, an OCSP request, an HTTPS connection). */
    /**
     * Capitals that are words, not Sonde's codes; {@code MACHINE} and {@code USER} are also {@code RootStore}'s
     * constants, which the texts write in words ({@code {rootStore,term}}), while a log's data may carry them (a
     * certificate naming a computer called MACHINE).
     */
    static final Set<String> PLAIN_WORDS = Set.of("CRL", "OCSP", "HTTP", "HTTPS", "TCP", "TLS", "DNS", "OK", "URL",
            "MACHINE", "USER");
    /**
     * A Windows error as the report quotes it on purpose, its documented name with its HRESULT
     * ({@code WSAECONNREFUSED (0x8007274D)}, {@code ERROR_WINHTTP_TIMEOUT (0x80072EE2)}): what a support engineer
     * searches for. Any other code name (TIMED_OUT, INVALID_CA, UNTRUSTED_CHAIN) is Sonde's and must never show.
     */
    static final Pattern WINDOWS_ERROR = Pattern.compile("\\b[A-Z][A-Z0-9_]* \\(0x[0-9A-F]{8}\\)");
    static final Pattern ISO_DURATION = Pattern.compile("\\bP(?:\\d+[YMWD])*(?:T(?:\\d+(?:\\.\\d+)?[HMS])+)?\\b");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*(,[a-z]+)?(\\|[^{}]*)?}");
    static final Pattern REASONS = Pattern.compile("\\b(?:dropped|refused|unreachable), (?:dropped|refused|unreachable)\\b");
    static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d.,:])\\b1 (\\p{L}+s)\\b");
    /** Plural nouns of the report after "1 " that are not a mistake ("1 fois" is French for once). */
    static final Set<String> ONE_OK = Set.of("fois", "mois");

    static DroolsRuleEngine engine;
    static Set<String> constants;

    @BeforeAll
    static void compile() throws Exception {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
        constants = new TreeSet<>();
        Path facts = Path.of("../sdk-api/src/main/java/dev/sonde/facts");
        try (Stream<Path> files = Files.list(facts)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Class<?> c = Class.forName("dev.sonde.facts." + f.getFileName().toString().replace(".java", ""));
                collect(c, constants);
            }
        }
        constants.removeAll(PLAIN_WORDS);
        constants.removeAll(engine.findingIds()); // the report names each finding by its id on purpose
        assertThat(constants).contains("TIMED_OUT", "UNTRUSTED_CHAIN", "NAME_MISMATCH", "BAD_RESPONSE", "INVALID_CA",
                "CERT_REV_FAILED", "WSAECONNREFUSED");
    }

    private static void collect(Class<?> c, Set<String> out) {
        if (c.isEnum()) {
            for (Object k : c.getEnumConstants()) {
                out.add(((Enum<?>) k).name());
            }
        }
        for (Class<?> inner : c.getDeclaredClasses()) {
            collect(inner, out);
        }
    }

    static Report run(Path folder, Locale locale) {
        Sonde.Builder b = Sonde.builder().engine(engine).locale(locale);
        Path probes = folder.resolve(RecordedProbes.FILE);
        if (Files.isRegularFile(probes)) {
            return b.prober(RecordedProbes.prober(probes)).build().diagnose(ProbeOptions.defaults(), List.of(folder));
        }
        return b.build().analyze(folder);
    }

    /**
     * The report's own prose: every line of the text report but the quoted evidence (from its label to the next blank
     * line), and the title, explanation and steps of every finding (the text report details only the first).
     */
    static List<String> prose(Report report, Locale locale) {
        String text = ReportText.of(locale, engine.stepLabels(locale)).format(report, 200);
        List<String> out = new ArrayList<>();
        boolean evidence = false;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("Evidence") || t.startsWith("Preuves")) {
                evidence = true;
            } else if (t.isEmpty()) {
                evidence = false;
            }
            if (!evidence) {
                out.add(line);
            }
        }
        report.findings().forEach(f -> {
            out.add(f.id() + ": " + f.title());
            out.add(f.id() + ": " + f.explanation());
            f.remediation().forEach(step -> out.add(f.id() + ": " + step));
        });
        return out;
    }

    /** Every mistake of prose in one line, as {@code kind: text}. */
    static List<String> mistakes(String line) {
        List<String> out = new ArrayList<>();
        Matcher words = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b[A-Z]{2,}\\b")
                .matcher(WINDOWS_ERROR.matcher(line).replaceAll("(error)"));
        while (words.find()) {
            if (constants.contains(words.group())) {
                out.add("raw constant " + words.group());
            }
        }
        Matcher d = ISO_DURATION.matcher(line);
        while (d.find()) {
            if (d.group().length() > 1) {
                out.add("ISO duration " + d.group());
            }
        }
        Matcher list = REASONS.matcher(line);
        while (list.find()) {
            out.add("list of reasons " + list.group());
        }
        Matcher p = PLACEHOLDER.matcher(line);
        while (p.find()) {
            out.add("placeholder " + p.group());
        }
        Matcher one = ONE_PLURAL.matcher(line);
        while (one.find()) {
            if (!ONE_OK.contains(one.group(1))) {
                out.add("plural after 1: " + one.group());
            }
        }
        return out;
    }

    @Test
    void everyGoldenCaseReadsAsProseInEnglishAndFrench() throws IOException {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<Path> folders;
        try (Stream<Path> dirs = Files.list(CASES)) {
            folders = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).hasSizeGreaterThan(50);
        for (Path folder : folders) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.FRENCH)) {
                Report r = run(folder, locale);
                for (String line : prose(r, locale)) {
                    for (String m : mistakes(line)) {
                        found.computeIfAbsent(folder.getFileName() + " (" + locale + ")", k -> new ArrayList<>())
                                .add(m + "   in: " + line.strip());
                    }
                }
            }
        }
        StringBuilder all = new StringBuilder();
        found.forEach((k, v) -> v.forEach(m -> all.append(k).append(": ").append(m).append('\n')));
        assertThat(found).as(all.toString()).isEmpty();
    }

    @Test
    void theChecksFindWhatTheyLookFor() {
        assertThat(mistakes("The request timed out (TIMED_OUT).")).containsExactly("raw constant TIMED_OUT");
        assertThat(mistakes("Ports are blocked (dropped, refused) after UNTRUSTED_CHAIN"))
                .containsExactly("raw constant UNTRUSTED_CHAIN", "list of reasons dropped, refused");
        assertThat(mistakes("the clock is off by PT0.123456789S")).containsExactly("ISO duration PT0.123456789S");
        assertThat(mistakes("about P4Y9M")).containsExactly("ISO duration P4Y9M");
        assertThat(mistakes("probe: 1 checks run, 0 not run")).containsExactly("plural after 1: 1 checks");
        assertThat(mistakes("The proxy {proxy} refused")).containsExactly("placeholder {proxy}");
        assertThat(mistakes("probe: 1 check run, 11 checks run, 2024-11-19 09:12, une fois, 1 fois")).isEmpty();
        assertThat(mistakes("refused (WSAECONNREFUSED (0x8007274D)), flag INVALID_CA"))
                .containsExactly("raw constant INVALID_CA");
    }
}
