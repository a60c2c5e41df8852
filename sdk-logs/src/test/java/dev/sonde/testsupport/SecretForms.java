package dev.sonde.testsupport;

import static org.quicktheories.generators.SourceDSL.integers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.quicktheories.core.Gen;

/**
 * Secrets as logs, headers, JSON and URLs write them, for the tests that show no report, text or recording
 * carries one: every spelling Sonde must redact (issue 8 §4), each with generated values.
 *
 * <p>A {@link Secret} is the text placed in an input and the values that must never appear in any output (each
 * also URL-encoded). Values are random letters and digits that mix cases and digits, as real credentials do, and
 * are long enough never to appear by chance.
 */
public final class SecretForms {

    /** A secret as placed: its form's name, the text to place, and what must never be seen again. */
    public record Secret(String form, String text, List<String> values) {
        /** The values and their URL-encoded forms: none may appear in any output. */
        public List<String> forbidden() {
            List<String> out = new ArrayList<>();
            for (String v : values) {
                out.add(v);
                String encoded = URLEncoder.encode(v, StandardCharsets.UTF_8);
                if (!encoded.equals(v)) {
                    out.add(encoded);
                    out.add(encoded.replace("+", "%20"));
                }
            }
            return out;
        }

        /** True when the text can be part of a file name (no path separator, no control character). */
        public boolean fitsAFileName() {
            return text.indexOf('/') < 0 && text.chars().allMatch(c -> c >= ' ');
        }

        @Override
        public String toString() {
            return form + ": " + text;
        }
    }

    /** Each form: its name, and how to write it from two generated values. */
    private static final Map<String, BiFunction<String, String, Secret>> FORMS = new LinkedHashMap<>();

    static {
        plain("password", "password=%s");
        form("password quoted with a space", (a, b) -> secret("password = \"" + a + " " + b + "\"", a, b));
        plain("JSON password", "{\"password\":\"%s\"}");
        plain("Password header style", "Password: %s");
        plain("pwd single-quoted", "pwd='%s'");
        plain("passwd", "passwd=%s");
        plain("passphrase", "passphrase: %s");
        plain("proxy_password", "proxy_password=%s");
        plain("userPassword", "userPassword=\"%s\"");
        form("Authorization Basic", (a, b) -> {
            String basic = Base64.getEncoder().encodeToString(("jdoe:" + a).getBytes(StandardCharsets.UTF_8));
            return secret("Authorization: Basic " + basic, basic);
        });
        plain("Authorization Bearer", "Authorization: Bearer %s");
        plain("Proxy-Authorization Negotiate", "Proxy-Authorization: Negotiate YII%s");
        plain("Proxy-Authorization NTLM", "Proxy-Authorization: NTLM TlRMTVNTUAAB%s");
        plain("Authorization Digest", "Authorization: Digest username=\"jdoe\", realm=\"corp\", response=\"%s\"");
        plain("Authorization in JSON", "{\"Authorization\": \"Bearer %s\"}");
        form("Cookie", (a, b) -> secret("Cookie: SID=" + a + "; HSID=" + b, a, b));
        plain("Set-Cookie", "Set-Cookie: SID=%s; Path=/; HttpOnly");
        plain("access_token", "access_token=%s");
        plain("refresh_token", "refresh_token=%s");
        plain("id_token", "id_token=%s");
        plain("oauth_token", "oauth_token=%s");
        plain("client_secret", "client_secret=%s");
        plain("client_secret in JSON", "{\"client_secret\": \"%s\"}");
        plain("code in a URL", "https://app.example/cb?state=1&code=%s&scope=email");
        plain("code in JSON", "{\"code\": \"%s\"}");
        plain("access_token URL-encoded", "access_token%%3D%s%%26x%%3D1");
        plain("JSON access_token URL-encoded", "%%7B%%22access_token%%22%%3A%%22%s%%22%%7D");
        form("ya29 access token", (a, b) -> secret("ya29." + a + "-" + b, "ya29." + a + "-" + b, a, b));
        form("1// refresh token", (a, b) -> secret("1//0" + a, "1//0" + a, a));
        form("GOCSPX client secret", (a, b) -> secret("GOCSPX-" + a, "GOCSPX-" + a, a));
        form("AIza API key", (a, b) -> {
            String key = "AIzaSy" + (a + b + "0123456789abcdefghijklmnopqrstu").substring(0, 33);
            return secret(key, key, a);
        });
        plain("X-Goog-Api-Key", "X-Goog-Api-Key: %s");
        form("JWT", (a, b) -> {
            String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJ" + a + "." + b;
            return secret(jwt, jwt, a, b);
        });
        plain("URL password", "https://jdoe:%s@proxy.corp.example:3128/");
    }

    private SecretForms() {
    }

    private static void plain(String name, String format) {
        form(name, (a, b) -> secret(String.format(format, a), a));
    }

    private static void form(String name, BiFunction<String, String, Secret> make) {
        FORMS.put(name, (a, b) -> {
            Secret s = make.apply(a, b);
            return new Secret(name, s.text(), s.values());
        });
    }

    private static Secret secret(String text, String... values) {
        return new Secret("", text, List.of(values));
    }

    /** The names of the forms, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(FORMS.keySet());
    }

    /** The form {@code name} written with these two values. */
    public static Secret of(String name, String value, String other) {
        BiFunction<String, String, Secret> make = FORMS.get(name);
        if (make == null) {
            throw new IllegalArgumentException("no secret form " + name);
        }
        return make.apply(value, other);
    }

    /** Every form, each with fresh values from {@code seed}. */
    public static List<Secret> all(long seed) {
        Random r = new Random(seed);
        return names().stream().map(n -> of(n, value(r), value(r))).toList();
    }

    /** Any form with generated values. */
    public static Gen<Secret> secrets() {
        List<String> names = names();
        return integers().between(0, names.size() - 1).zip(integers().all(), (i, seed) -> {
            Random r = new Random(seed);
            return of(names.get(i), value(r), value(r));
        });
    }

    /** Credential-like values (as {@link #value}), safe in any part of a URL. */
    public static Gen<String> values() {
        return integers().all().map(seed -> value(new Random(seed)));
    }

    /**
     * A credential-like value: an upper-case letter, 12 to 20 letters and digits, then a digit and a lower-case
     * letter, so that it mixes cases and digits as real tokens and passwords do.
     */
    static String value(Random r) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder("S");
        int n = 12 + r.nextInt(9);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.append(r.nextInt(10)).append((char) ('a' + r.nextInt(26))).toString();
    }
}
