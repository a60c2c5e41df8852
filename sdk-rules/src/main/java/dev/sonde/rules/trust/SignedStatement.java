package dev.sonde.rules.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sonde.rules.pack.PackData;
import dev.sonde.rules.pack.PackPaths;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statement a pack signature signs ({@link PackSignature}): canonical JSON, one line, pure ASCII.
 *
 * <pre>{@code {"format":"sonde-pack-signature/2","pack":{"id":"acme","version":"1.0"},"files":[{"path":"acme.drl","sha256":"<64 hex>"},...]}}</pre>
 *
 * Keys in exactly this order, no white space, files sorted by path (paths are printable ASCII, so this is byte
 * order), SHA-256 in lower-case hex, strings quoted by {@link #quote}. Because every name is a quoted JSON
 * string, no file name can pose as another entry of the list (a v1 manifest listed names bare, one per line).
 */
final class SignedStatement {

    private SignedStatement() {
    }

    /** The statement for a pack: its id and version, and its files' SHA-256 by path. */
    static String of(String format, String id, String version, Map<String, byte[]> sha256ByPath) {
        StringBuilder out = new StringBuilder(128 + 100 * sha256ByPath.size());
        out.append("{\"format\":").append(quote(format))
                .append(",\"pack\":{\"id\":").append(quote(id)).append(",\"version\":").append(quote(version))
                .append("},\"files\":[");
        boolean first = true;
        for (Map.Entry<String, byte[]> f : new TreeMap<>(sha256ByPath).entrySet()) {
            out.append(first ? "" : ",").append("{\"path\":").append(quote(f.getKey()))
                    .append(",\"sha256\":\"").append(HexFormat.of().formatHex(f.getValue())).append("\"}");
            first = false;
        }
        return out.append("]}").toString();
    }

    /**
     * A JSON string: {@code "} and {@code \} escaped with a backslash, every character outside printable ASCII
     * as {@code \}{@code uXXXX} (lower-case hex), everything else as is.
     */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** What differs between the signed statement and the pack's, in words: {@code changed a.drl, added b.drl}. */
    static String differences(String signed, String actual) {
        JsonNode before = parse(signed);
        JsonNode after = parse(actual);
        if (before == null || after == null) {
            return "the signed list of files differs";
        }
        Map<String, String> was = files(before);
        Map<String, String> now = files(after);
        List<String> out = new ArrayList<>();
        for (String path : new TreeSet<>(was.keySet())) {
            if (!now.containsKey(path)) {
                out.add("removed " + PackPaths.escaped(path));
            } else if (!now.get(path).equals(was.get(path))) {
                out.add("changed " + PackPaths.escaped(path) + (path.equals("pack.json") ? packChange(before, after) : ""));
            }
        }
        for (String path : new TreeSet<>(now.keySet())) {
            if (!was.containsKey(path)) {
                out.add("added " + PackPaths.escaped(path));
            }
        }
        return out.isEmpty() ? "the signed statement differs" : String.join(", ", out);
    }

    private static String packChange(JsonNode before, JsonNode after) {
        String was = before.path("pack").path("id").asText() + " " + before.path("pack").path("version").asText();
        String now = after.path("pack").path("id").asText() + " " + after.path("pack").path("version").asText();
        return was.equals(now) ? "" : " (signed as " + was.strip() + ", now " + now.strip() + ")";
    }

    private static Map<String, String> files(JsonNode statement) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : statement.path("files")) {
            out.put(f.path("path").asText(), f.path("sha256").asText());
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return PackData.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
