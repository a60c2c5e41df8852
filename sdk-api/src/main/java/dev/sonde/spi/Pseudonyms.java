package dev.sonde.spi;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in the texts of one report by stable pseudonyms: e-mail addresses by
 * {@code user1@domain1}, and the user name of a home folder by {@code user1} ({@code C:\Users\jdoe\...},
 * {@code C:\Documents and Settings\jdoe\...}, {@code \\server\Users\jdoe}, their forward-slash and JSON-escaped
 * forms, {@code /home/jdoe/}, {@code /Users/jdoe/}). The same name (ignoring case) gets the same pseudonym, an
 * e-mail's local part and a folder's user name included; numbers are given in the order names are first met.
 * Not thread-safe: one instance per report ({@link Redaction#apply}).
 *
 * <p>Linear in the text like {@link Redaction}: every pattern starts on a literal or at the start of a run of
 * the characters it reads, with possessive quantifiers, and a folder's user name is read by a bounded scan.
 */
final class Pseudonyms {

    /**
     * An e-mail address (a local part starting a run of its characters, {@code @}, a dotted domain), or what comes
     * before a user name in a home folder path: {@code \Users\} or {@code \Documents and Settings\} (one or
     * two backslashes, as JSON escapes them), {@code //server/Users/}, and {@code /Users/} or {@code /home/} where a
     * path starts (not inside a URL's path: {@code https://host/users/me} is no folder).
     */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?<![A-Za-z0-9._+-])(?<local>[A-Za-z0-9._+-]++)@(?<domain>[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++)"
                    + "|(?<home>(?i)\\\\{1,2}(?:users|documents and settings)\\\\{1,2}"
                    + "|(?<!:)//[^/\\s]++/(?:users|documents and settings)/"
                    + "|(?<![^\\s\"'(=:,;\\[<>|])/(?:users|home)/)");

    /** Longest user name read after a home folder (Windows allows 20 characters; profile folders a few more). */
    private static final int MAX_NAME = 64;

    /** Folders under {@code Users} that are nobody's. */
    private static final Set<String> SHARED = Set.of("public", "default", "default user", "all users");

    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> domains = new HashMap<>();

    /** The text with e-mail addresses and home folder user names replaced. */
    String apply(String text) {
        Matcher m = PERSONAL.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (m.find()) {
            String replacement;
            int from;
            int to;
            if (m.group("home") != null) {
                from = m.end();
                to = nameEnd(text, from);
                String name = text.substring(from, to);
                if (name.isEmpty() || SHARED.contains(name.toLowerCase(Locale.ROOT)) || "%$<[".indexOf(name.charAt(0)) >= 0) {
                    continue;
                }
                replacement = user(name);
            } else {
                from = m.start();
                to = m.end();
                // after "scheme://", user@host is a URL's user and host: the host is no one's
                boolean url = from >= 2 && text.startsWith("//", from - 2);
                replacement = user(m.group("local")) + "@" + (url ? m.group("domain") : domain(m.group("domain")));
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, from).append(replacement);
            copied = to;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private String user(String name) {
        return users.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> "user" + (users.size() + 1));
    }

    private String domain(String name) {
        return domains.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> "domain" + (domains.size() + 1));
    }

    /**
     * Where the user name starting at {@code from} ends: at the next folder separator when one comes within
     * {@value #MAX_NAME} characters of file-name characters (Windows names may hold spaces), else at the first
     * blank or quote.
     */
    private static int nameEnd(String s, int from) {
        int limit = Math.min(s.length(), from + MAX_NAME);
        int i = from;
        while (i < limit && "\\/:*?\"<>|".indexOf(s.charAt(i)) < 0 && s.charAt(i) >= ' ') {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == '\\' || s.charAt(i) == '/') && !Character.isWhitespace(s.charAt(i - 1))) {
            return i; // a folder name never ends with a blank
        }
        int end = from;
        while (end < i && !Character.isWhitespace(s.charAt(end)) && "'\",;)]".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return end;
    }
}
