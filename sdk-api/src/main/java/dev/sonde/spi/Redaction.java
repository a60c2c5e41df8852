package dev.sonde.spi;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Target;
import dev.sonde.Report;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Removes secrets from text, and from every string of a report, before anything leaves Sonde.
 *
 * <p>{@link #redact(String)} replaces with {@value #MARK}:
 * <ul>
 * <li>the value of a password ({@code password}, {@code passwd}, {@code pwd}, {@code passphrase},
 * {@code proxy_password}, {@code userPassword} ...), token or client secret ({@code access_token},
 * {@code refresh_token}, {@code id_token}, {@code oauth_token}, any {@code token}, {@code client_secret},
 * {@code api_key}, {@code private_key}, {@code assertion}) written as {@code key=value}, {@code key: value},
 * {@code "key": "value"}, {@code key='value'}, JSON-escaped, or URL-encoded ({@code key%3Dvalue},
 * {@code %22key%22%3A%22value%22}, and encoded again: {@code %2522});</li>
 * <li>an OAuth {@code code} in a URL query or a JSON string;</li>
 * <li>the whole value of an {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}
 * or {@code X-Goog-Api-Key} header, and a credential after {@code Bearer}, {@code Basic}, {@code Negotiate} or
 * {@code NTLM};</li>
 * <li>Google access tokens ({@code ya29.}), refresh tokens ({@code 1//}), client secrets ({@code GOCSPX-}), API
 * keys ({@code AIza}), authorization codes ({@code 4/0A}) and JWTs ({@code eyJ…} in three dot-separated parts),
 * wherever they stand;</li>
 * <li>the password of a {@code scheme://user:password@host}, also URL-encoded (the user and host stay).</li>
 * </ul>
 * A quoted value is removed up to its closing quote (spaces included); an unquoted one up to white space or a
 * delimiter (<code>&amp; , ; " ' &lt; &gt; ) ] } \</code>). Diagnostics stay as they are: host names, addresses,
 * dates, certificate fingerprints, error codes ({@code Code: 0x00002f8f}), {@code Proxy-Authenticate} challenges.
 *
 * <p>Every pattern runs in time linear in the text: each is anchored on a literal, uses possessive quantifiers and
 * bounded repetitions only, and values are measured by a hand scan. Redacting twice gives the same text as
 * redacting once.
 *
 * <p>{@link Evidence} applies {@link #redact} to evidence when it is made, so no fact quotes a secret either;
 * {@link #apply(Report, boolean)} applies it to every string of a finished report (and, when asked, replaces
 * personal data by pseudonyms).
 */
public final class Redaction {

    /** What a removed secret is replaced with. */
    public static final String MARK = "[redacted]";

    private Redaction() {
    }

    /** The text with every recognised secret replaced by {@value #MARK} ({@code null} and {@code ""} as given). */
    public static String redact(String text) {
        return text == null || text.isEmpty() ? text : Secrets.redact(text);
    }

    /**
     * A fresh pseudonymizer for one document (the same name gets the same pseudonym throughout it, as in a report
     * made with {@code anonymize}): e.g. the logs {@code sonde collect --anonymize} copies into a bundle. Not
     * thread-safe.
     */
    public static java.util.function.UnaryOperator<String> pseudonyms() {
        return new Pseudonyms()::apply;
    }

    /**
     * The report with every string redacted ({@link #redact}): finding ids, titles, explanations, remediation,
     * article steps, evidence files and texts, {@code explainedBy}, parameter names and values, targets (host, address,
     * proxy, service, cause, evidence); source names,
     * formats and encodings; warning files and messages; rule pack names. With {@code anonymize}, e-mail
     * addresses and user names in home folder paths are also replaced by pseudonyms ({@code user1@domain1},
     * <code>C:&#92;Users&#92;user1&#92;...</code>), numbered in order of first appearance in the report's order
     * (findings by rank, each in the order of its JSON fields, then sources, warnings and packs), so the same report
     * gives the same pseudonyms. Sources and warnings are sorted again, as a report keeps them.
     */
    public static Report apply(Report report, boolean anonymize) {
        Pseudonyms pseudonyms = anonymize ? new Pseudonyms() : null;
        // a report repeats its strings (a file in every evidence, a line in a finding's and its target's evidence):
        // each is cleaned once; the same string always cleans to the same text, pseudonyms too
        Map<String, String> cleaned = new HashMap<>();
        UnaryOperator<String> clean = s -> {
            if (s == null) {
                return null;
            }
            String known = cleaned.get(s);
            if (known == null) {
                known = redact(s);
                known = pseudonyms == null ? known : pseudonyms.apply(known);
                cleaned.put(s, known);
            }
            return known;
        };
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            if (unchanged(f, clean)) {
                findings.add(f); // nothing to remove (the usual case): the finding as it is, not a copy
                continue;
            }
            String id = clean.apply(f.id());
            String title = clean.apply(f.title());
            String explanation = clean.apply(f.explanation());
            List<String> remediation = f.remediation().stream().map(clean).toList();
            String step = clean.apply(f.articleStep());
            List<Evidence> evidence = new ArrayList<>();
            for (Evidence s : f.evidence()) {
                evidence.add(clean(s, clean));
            }
            Optional<String> explainedBy = f.explainedBy().map(clean);
            Map<String, String> params = new LinkedHashMap<>();
            f.params().forEach((k, v) -> {
                String key = clean.apply(k);
                String value = clean.apply(v);
                params.putIfAbsent(key, value);
            });
            List<FindingTarget> targets = new ArrayList<>();
            for (FindingTarget t : f.targets()) {
                Target g = t.target();
                List<Evidence> shown = new ArrayList<>();
                for (Evidence s : t.evidence()) {
                    shown.add(clean(s, clean));
                }
                targets.add(new FindingTarget(g.withText(clean), t.firstSeen(), t.lastSeen(), t.count(),
                        t.state(), t.explainedBy().map(clean), shown));
            }
            findings.add(new Finding(id, f.rank(), f.severity(), f.confidence(), title, explanation, remediation, step,
                    evidence, f.evidenceOmitted(), explainedBy, params, targets, f.state()));
        }
        List<InputSummary> sources = new ArrayList<>();
        for (InputSummary s : report.inputs()) {
            if (same(s.name(), clean) && same(s.format(), clean) && same(s.encoding(), clean)) {
                sources.add(s);
                continue;
            }
            String name = clean.apply(s.name());
            sources.add(new InputSummary(name, clean.apply(s.format()), clean.apply(s.encoding()), s.linesRead(),
                    s.linesSkipped(), s.facts(), s.status()));
        }
        List<Warning> warnings = new ArrayList<>();
        for (Warning w : report.warnings()) {
            String file = clean.apply(w.file());
            warnings.add(new Warning(file, w.line(), clean.apply(w.message()), w.kind()));
        }
        List<String> packs = report.rulePacks().stream().map(clean).toList();
        sources.sort(null);
        warnings.sort(null);
        return new Report(findings, sources, warnings, packs);
    }

    /**
     * True when cleaning changes none of the finding's strings. Visits them in the order {@link #apply} cleans them and
     * stops at the first change, so that pseudonyms are numbered as they would be without this check.
     */
    private static boolean unchanged(Finding f, UnaryOperator<String> clean) {
        if (!same(f.id(), clean) || !same(f.title(), clean) || !same(f.explanation(), clean)
                || !f.remediation().stream().allMatch(r -> same(r, clean)) || !same(f.articleStep(), clean)
                || !f.evidence().stream().allMatch(e -> same(e, clean))
                || !f.explainedBy().map(c -> same(c, clean)).orElse(true)) {
            return false;
        }
        for (Map.Entry<String, String> p : f.params().entrySet()) {
            if (!same(p.getKey(), clean) || !same(p.getValue(), clean)) {
                return false;
            }
        }
        for (FindingTarget t : f.targets()) {
            Target g = t.target();
            if (!t.evidence().stream().allMatch(e -> same(e, clean))
                    || (!g.machine() && !(same(g.host(), clean) && same(g.address(), clean) && same(g.proxy(), clean)
                            && same(g.service(), clean)))
                    || !t.explainedBy().map(c -> same(c, clean)).orElse(true)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Evidence e, UnaryOperator<String> clean) {
        return same(e.file(), clean) && same(e.text(), clean);
    }

    private static boolean same(String s, UnaryOperator<String> clean) {
        return s == null || s.equals(clean.apply(s));
    }

    /** The evidence with its file and text cleaned: the same evidence when neither changed (the usual case). */
    private static Evidence clean(Evidence e, UnaryOperator<String> clean) {
        String file = clean.apply(e.file());
        String text = clean.apply(e.text());
        return file.equals(e.file()) && text.equals(e.text()) ? e : new Evidence(file, e.line(), text);
    }

}
