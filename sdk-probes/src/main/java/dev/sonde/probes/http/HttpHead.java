package dev.sonde.probes.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status line and headers of an HTTP/1.x response, read from a raw stream up to the blank
 * line and no further, never more than {@value #MAX_BYTES} bytes. The body is never read.
 *
 * @param status  the status code
 * @param headers the header fields in order (names as sent), folded lines joined
 */
public record HttpHead(int status, List<Map.Entry<String, String>> headers) {

    /** Largest head read. */
    static final int MAX_BYTES = 16 * 1024;

    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(?:\\.\\d)?\\s+(\\d{3})(?:\\s.*)?$");

    /** The head could not be read as HTTP. */
    public static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** Every value of the header {@code name} (case-insensitive), in order. */
    public List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                out.add(h.getValue());
            }
        }
        return out;
    }

    /** The first value of {@code name}, or {@code ""}. */
    public String first(String name) {
        List<String> v = values(name);
        return v.isEmpty() ? "" : v.get(0);
    }

    /**
     * Reads a head from {@code in}.
     *
     * @throws EOFException when the stream ends before the head does
     * @throws Malformed    when it is not an HTTP response head, or is too large
     */
    public static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0; // counts the bytes of a "\r\n\r\n" (or "\n\n") seen so far
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(buf.size() == 0 ? "closed without answering" : "closed in the middle of the answer");
            }
            if (buf.size() >= MAX_BYTES) {
                throw new Malformed("response head larger than " + MAX_BYTES + " bytes");
            }
            buf.write(b);
            if (b == '\n') {
                state++;
                if (state == 2) {
                    break;
                }
            } else if (b != '\r') {
                state = 0;
            }
        }
        return parse(buf.toString(StandardCharsets.ISO_8859_1));
    }

    public static HttpHead parse(String text) throws Malformed {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0) {
            throw new Malformed("empty response");
        }
        Matcher m = STATUS_LINE.matcher(lines[0].strip());
        if (!m.matches()) {
            throw new Malformed("not an HTTP status line: " + clip(lines[0]));
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(Map.entry(last.getKey(), (last.getValue() + " " + line.strip()).strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // not a header field: ignore, as lenient clients do
            }
            headers.add(Map.entry(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return new HttpHead(Integer.parseInt(m.group(1)), headers);
    }

    private static String clip(String s) {
        String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return t.toLowerCase(Locale.ROOT).startsWith("http") ? t : t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
