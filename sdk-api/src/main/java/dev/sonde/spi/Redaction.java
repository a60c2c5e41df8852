package dev.sonde.spi;

import dev.sonde.Finding;
import dev.sonde.Report;
import dev.sonde.Source;
import dev.sonde.SourceSummary;
import dev.sonde.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text, and from every string of a report, before anything leaves Sonde.
 *
 * <p>{@link #redact(String)} replaces with {@value #MARK}: the value of a password ({@code password},
 * {@code passwd}, {@code pwd}, {@code passphrase}, {@code proxy_password}, {@code userPassword} ...), of a token or
 * client secret ({@code access_token}, {@code refresh_token}, {@code id_token}, {@code oauth_token}, any {@code token},
 * {@code client_secret}, {@code api_key}, {@code private_key}, {@code assertion}) written as {@code key=value},
 * {@code key: value}, {@code "key": "value"}, {@code key='value'}, URL-encoded ({@code key%3Dvalue},
 * {@code %22key%22%3A%22value%22}) or JSON-escaped; an OAuth {@code code} in a URL query or a JSON string; the
 * whole value of an {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie} or
 * {@code X-Goog-Api-Key} header; a credential after {@code Bearer}, {@code Basic}, {@code Negotiate} or
 * {@code NTLM}; Google access tokens ({@code ya29.}), refresh tokens ({@code 1//}), client secrets
 * ({@code GOCSPX-}), API keys ({@code AIza}), authorization codes ({@code 4/0A}) and JWTs ({@code eyJ…} in three
 * dot-separated parts) wherever they stand; the password of a {@code scheme://user:password@host} (the user
 * and host stay). A quoted value is removed up to its closing quote (spaces included); an unquoted one up to
 * white space or a delimiter ({@code & , ; " ' < > ) ] } \}). Diagnostics stay as they are: host names,
 * addresses, dates, certificate fingerprints, error codes ({@code Code: 0x00002f8f}), {@code Proxy-Authenticate}
 * challenges.
 *
 * <p>Every pattern runs in time linear in the text: each is anchored on a literal, uses possessive quantifiers
 * only, and values are measured by a hand scan. Redacting twice gives the same text as redacting once.
 *
 * <p>{@link Source} applies {@link #redact} to evidence when it is made, so facts hold no secret either;
 * {@link #apply(Report, boolean)} applies it to every string of a finished report (and, when asked, replaces
 * personal data by pseudonyms: {@link Pseudonyms}).
 */
public final class Redaction {

    /** What a removed secret is replaced with. */
    public static final String MARK = "[redacted]";

    /**
     * Between a key and its value: the key's closing quote, if any, blanks, {@code =} or {@code :} (also
     * URL-encoded), blanks, and the value's opening quote, captured as group {@code q}.
     */
    private static final String SEPARATOR = "(?:\\\\?[\"']|%22|%27)?+(?:[ \\t]|%20)*+(?:=|:|%3[Dd]|%3[Aa])(?:[ \\t]|%20)*+"
            + "(?<q>\\\\?[\"']|%22|%27)?+";

    /** A secret value after a key or header name: a pattern ending where the value starts, and how the value ends. */
    private record ValueRule(Pattern key, boolean wholeLine, List<String> hints) {
    }

    private static final List<ValueRule> VALUE_RULES = List.of(
            // headers: the whole value, to the end of the line
            new ValueRule(Pattern.compile("(?i)(?:(?:proxy-)?authorization|(?:set-)?cookie|x-goog-api-key)" + SEPARATOR),
                    true, List.of("authorization", "cookie", "api-key")),
            // key=value, key: value, "key": "value" (the key may end a longer name: proxy_password, userPassword)
            new ValueRule(Pattern.compile("(?i)(?:passw(?:or)?d|pwd|passphrase|token|secret|api[_-]?key|apikey|private[_-]?key"
                    + "|assertion)" + SEPARATOR), false, List.of("pass", "pwd", "token", "secret", "api", "key", "assertion")),
            // an OAuth authorization code: as a URL query parameter, or as a JSON string (not "code": 403)
            new ValueRule(Pattern.compile("(?i)(?:[?&#;]|%3F|%26|%23|%3B)code(?:=|%3D)(?<q>)"), false, List.of("code")),
            new ValueRule(Pattern.compile("(?i)(?:\\\\?[\"']|%22|%27)code(?:\\\\?[\"']|%22|%27)[ \\t]*+(?::|%3A)[ \\t]*+"
                    + "(?<q>\\\\?[\"']|%22|%27)"), false, List.of("code")));

    /** A credential after an authentication scheme's name, outside a header ({@code "sent Bearer abc..."}). */
    private static final Pattern SCHEME_CREDENTIAL = Pattern.compile(
            "(?i)(?<![A-Za-z0-9])(?:bearer|basic|negotiate|ntlm)[ \\t]++([A-Za-z0-9+/=._~-]{8,}+)");
    private static final List<String> SCHEME_HINTS = List.of("bearer", "basic", "negotiate", "ntlm");

    /** Where a base64url token may start: not inside another one, or right after a URL escape ({@code %22eyJ}). */
    private static final String TOKEN_START = "(?:(?<![A-Za-z0-9_-])|(?<=%[0-9A-Fa-f]{2}))";

    /** Secrets recognised by their shape alone, replaced whole. */
    private static final Pattern WHOLE_TOKEN = Pattern.compile(
            "ya29\\.[0-9A-Za-z_.~-]++"                                    // Google OAuth access token
                    + "|1//[0-9A-Za-z_-][0-9A-Za-z_.~-]{8,}+"            // Google OAuth refresh token
                    + "|GOCSPX-[0-9A-Za-z_-]++"                            // Google OAuth client secret
                    + "|AIza[0-9A-Za-z_-]{30,}+"                           // Google API key
                    + "|(?<![0-9A-Za-z/])4/0A[0-9A-Za-z_-]{20,}+"         // Google OAuth authorization code
                    + "|" + TOKEN_START + "eyJ[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]*+"); // JWT
    private static final List<String> TOKEN_HINTS = List.of("ya29.", "1//", "gocspx-", "aiza", "4/0a", "eyj");

    private Redaction() {
    }

    /** The text with every recognised secret replaced by {@value #MARK} ({@code null} and {@code ""} as given). */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT); // only to skip the patterns whose words are absent
        String out = text;
        for (ValueRule rule : VALUE_RULES) {
            if (anyIn(lower, rule.hints())) {
                out = values(out, rule);
            }
        }
        if (anyIn(lower, SCHEME_HINTS)) {
            out = schemeCredentials(out);
        }
        if (anyIn(lower, TOKEN_HINTS)) {
            out = WHOLE_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(MARK));
        }
        if (out.contains("://")) {
            out = urlPasswords(out);
        }
        return out;
    }

    /**
     * The report with every string redacted ({@link #redact}): finding ids, titles, explanations, remediation,
     * article steps, evidence files and texts, {@code explainedBy}, parameter names and values; source names,
     * formats and encodings; warning files and messages; rule pack names. With {@code anonymize}, e-mail
     * addresses and user names in home folder paths are also replaced by pseudonyms ({@code user1@domain1},
     * <code>C:&#92;Users&#92;user1&#92;...</code>), numbered in order of first appearance in the report's order (findings by rank,
     * then sources, warnings and packs), so the same report gives the same pseudonyms. Sources and warnings are
     * sorted again, as a report keeps them.
     */
    public static Report apply(Report report, boolean anonymize) {
        Pseudonyms pseudonyms = anonymize ? new Pseudonyms() : null;
        UnaryOperator<String> clean = s -> {
            String out = redact(s);
            return pseudonyms == null || out == null ? out : pseudonyms.apply(out);
        };
        List<Finding> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            String id = clean.apply(f.id());
            String title = clean.apply(f.title());
            String explanation = clean.apply(f.explanation());
            List<String> remediation = f.remediation().stream().map(clean).toList();
            String step = clean.apply(f.articleStep());
            List<Source> evidence = new ArrayList<>();
            for (Source s : f.evidence()) {
                String file = clean.apply(s.file());
                evidence.add(new Source(file, s.line(), clean.apply(s.text())));
            }
            String explainedBy = clean.apply(f.explainedBy());
            Map<String, String> params = new LinkedHashMap<>();
            f.params().forEach((k, v) -> {
                String key = clean.apply(k);
                String value = clean.apply(v);
                params.putIfAbsent(key, value);
            });
            findings.add(new Finding(id, f.rank(), f.severity(), f.confidence(), title, explanation, remediation, step,
                    evidence, f.evidenceOmitted(), explainedBy, params));
        }
        List<SourceSummary> sources = new ArrayList<>();
        for (SourceSummary s : report.sources()) {
            String name = clean.apply(s.name());
            sources.add(new SourceSummary(name, clean.apply(s.format()), clean.apply(s.encoding()), s.linesRead(),
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

    private static boolean anyIn(String lower, List<String> hints) {
        for (String h : hints) {
            if (lower.contains(h)) {
                return true;
            }
        }
        return false;
    }

    /** Replaces each value that follows a match of the rule's key pattern. */
    private static String values(String text, ValueRule rule) {
        Matcher m = rule.key().matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int at = 0;
        while (at < text.length() && m.find(at)) {
            int from = m.end();
            String quote = m.group("q");
            int to = text.startsWith(MARK, from) ? from : valueEnd(text, from, quote == null ? "" : quote, rule.wholeLine());
            if (to == from) {
                at = m.end() > m.start() ? m.end() : m.end() + 1;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16);
            }
            out.append(text, copied, from).append(MARK);
            copied = to;
            at = to;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Where a value starting at {@code from} ends: at its closing quote when it was opened by one, else at the end
     * of the line for a header, else at white space or a delimiter (also URL-encoded).
     */
    static int valueEnd(String s, int from, String quote, boolean wholeLine) {
        int n = s.length();
        if (quote.startsWith("%")) {
            for (int i = from; i < n; i++) {
                char c = s.charAt(i);
                if (c <= ' ' || c == '"' || c == '&' || s.regionMatches(true, i, quote, 0, quote.length())) {
                    return i;
                }
            }
            return n;
        }
        if (!quote.isEmpty()) {
            char q = quote.charAt(quote.length() - 1);
            // \"...\" is a string inside a JSON string: undo the outer escapes first (\\ is \, \" is ")
            boolean nested = quote.length() == 2;
            boolean escaped = false;
            for (int i = from; i < n; i++) {
                int at = i;
                char c = s.charAt(i);
                if (c == '\r' || c == '\n' || (!nested && c == q && !escaped)) {
                    return at;
                }
                if (nested && c == '\\' && i + 1 < n) {
                    c = s.charAt(++i);
                    if (c == q && !escaped) {
                        return at;
                    }
                } else if (nested && c == q) {
                    return at; // an unescaped quote ends the outer string too
                }
                escaped = !escaped && c == '\\';
            }
            return n;
        }
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || (!wholeLine && (stopsToken(c) || encodedStop(s, i)))) {
                return i;
            }
        }
        return n;
    }

    private static boolean stopsToken(char c) {
        return c <= ' ' || Character.isWhitespace(c) || "\"'&,;<>)]}\\".indexOf(c) >= 0;
    }

    /** A {@code %XX} escape of white space or a delimiter. */
    private static boolean encodedStop(String s, int i) {
        if (s.charAt(i) != '%' || i + 2 >= s.length()) {
            return false;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        return hi >= 0 && lo >= 0 && stopsToken((char) (hi * 16 + lo));
    }

    /** Credentials after a scheme name; a plain word ({@code Basic authentication}, {@code Basic realm=...}) stays. */
    private static String schemeCredentials(String text) {
        Matcher m = SCHEME_CREDENTIAL.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        do {
            String credential = m.group(1);
            if (looksLikeCredential(credential)) {
                out.append(text, copied, m.start(1)).append(MARK);
                copied = m.end(1);
            }
        } while (m.find());
        return out.append(text, copied, text.length()).toString();
    }

    /** Base64 and tokens mix cases, digits or symbols; a word of a sentence is lower case after its first letter. */
    private static boolean looksLikeCredential(String word) {
        if (word.regionMatches(true, 0, "realm=", 0, 6)) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z')) {
                return true;
            }
        }
        return false;
    }

    /** The password of each {@code scheme://user:password@host}; the user and the host stay. */
    private static String urlPasswords(String text) {
        StringBuilder out = null;
        int copied = 0;
        int at = text.indexOf("://");
        while (at >= 0) {
            // the authority ends at the path, query or fragment (or where the URL ends); its last @ ends the user info
            int start = at + 3;
            int end = start;
            int colon = -1;
            int atSign = -1;
            for (; end < text.length() && "/?#\"'<>\\".indexOf(text.charAt(end)) < 0 && !Character.isWhitespace(text.charAt(end)); end++) {
                char c = text.charAt(end);
                if (c == '@') {
                    atSign = end;
                } else if (c == ':' && colon < 0) {
                    colon = end;
                }
            }
            if (colon >= 0 && colon < atSign && !text.startsWith(MARK, colon + 1)) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, colon + 1).append(MARK);
                copied = atSign;
            }
            at = text.indexOf("://", end);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }
}
