package dev.sonde.probes.pac;

import dev.sonde.HostEvidence;
import dev.sonde.InputSummary;
import dev.sonde.LogInput;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PacRoute;
import dev.sonde.spi.FactSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A saved proxy auto-config script ({@code proxy.pac} in a support bundle or a {@code --host-evidence} folder),
 * evaluated for the catalog's URLs here rather than on the machine it was saved from. Nothing leaves this machine:
 * the DNS helpers ({@code dnsResolve}, {@code isResolvable}, {@code isInNet} on a name) answer "not resolvable"
 * without a lookup, since the names a script asks about are the customer's (and this machine's DNS would answer for
 * another network), and {@code myIpAddress} answers the loopback address. When the script uses them, a warning says
 * that routes depending on them may differ on that machine. The time helpers see this machine's clock.
 *
 * <p>The text is read within {@link PacOptions#maxScriptBytes()} and decoded by its byte-order mark (UTF-8, UTF-16),
 * else as UTF-8, else as windows-1252 (what Notepad and PowerShell write).
 */
public final class SavedScript {

    /** The input format a report gives a saved script. */
    public static final String FORMAT = HostEvidence.PROXY_SCRIPT.format();

    private SavedScript() {
    }

    /**
     * Evaluates the script {@code input} holds for {@code urls} and sends the facts ({@link PacRoute} per URL, or
     * {@code PacFailure}) to {@code facts}. Never throws for what the input holds.
     */
    public static InputSummary evaluate(LogInput input, List<URI> urls, FactSink facts, Consumer<Warning> warnings,
            Instant deadline, PacOptions limits) {
        String name = input.name();
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.compareTo(limits.evaluationTimeout()) < 0) {
            warnings.accept(Warning.incomplete(name, 0, "not evaluated: the analysis deadline left too little time"));
            return new InputSummary(name, FORMAT, "", 0, 0, 0, InputSummary.Status.READ);
        }
        Text text;
        try {
            text = read(input, limits.maxScriptBytes());
        } catch (IOException e) {
            warnings.accept(Warning.incomplete(name, 0, "cannot be read: " + e.getMessage()));
            return InputSummary.unreadable(name);
        }
        if (text.cut()) {
            warnings.accept(Warning.incomplete(name, 0, "not evaluated: larger than " + limits.maxScriptBytes()
                    + " bytes, the most Sonde runs of a proxy auto-config script"));
            return new InputSummary(name, FORMAT, text.encoding(), 0, 0, 0, InputSummary.Status.READ);
        }
        AtomicInteger lookups = new AtomicInteger();
        AtomicBoolean localAddress = new AtomicBoolean();
        PacOptions offline = limits.toBuilder()
                .resolver((host, d) -> {
                    lookups.incrementAndGet();
                    throw new UnknownHostException(host + " (not looked up: the script is not on its own machine)");
                })
                .localAddresses(() -> {
                    localAddress.set(true);
                    return List.of(InetAddress.getLoopbackAddress());
                })
                .totalTimeout(left.compareTo(limits.totalTimeout()) < 0 ? left : limits.totalTimeout())
                .build();
        List<Fact> found = PacRoutes.evaluateSaved(name, text.source(), urls, offline);
        found.forEach(facts::add);
        if (lookups.get() > 0 || localAddress.get()) {
            warnings.accept(new Warning(name, 0, "evaluated here, not on the machine it was saved from: "
                    + (lookups.get() > 0 ? "its DNS lookups were answered \"not resolvable\"" : "")
                    + (lookups.get() > 0 && localAddress.get() ? " and " : "")
                    + (localAddress.get() ? "myIpAddress() answered 127.0.0.1" : "")
                    + ", so the routes that depend on them may differ there"));
        }
        return new InputSummary(name, FORMAT, text.encoding(), text.lines(), 0, found.size(), InputSummary.Status.READ);
    }

    private record Text(String source, String encoding, long lines, boolean cut) {
    }

    private static Text read(LogInput input, int maxBytes) throws IOException {
        Optional<Reader> chars = input.reader();
        if (chars.isPresent()) {
            char[] buf = new char[maxBytes + 1];
            int n = 0;
            try (Reader r = chars.get()) {
                for (int k; n < buf.length && (k = r.read(buf, n, buf.length - n)) >= 0;) {
                    n += k;
                }
            }
            String s = new String(buf, 0, Math.min(n, maxBytes));
            return new Text(s, "", lines(s), n > maxBytes);
        }
        byte[] bytes;
        try (InputStream in = input.openBytes().orElseThrow(() -> new IOException("no content"))) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            return new Text("", "", 0, true);
        }
        String s;
        String encoding;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            s = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            encoding = "UTF-8";
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            s = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
            encoding = "UTF-16LE";
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            s = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
            encoding = "UTF-16BE";
        } else {
            Optional<String> utf8 = strictUtf8(bytes);
            s = utf8.orElseGet(() -> new String(bytes, Charset.forName("windows-1252")));
            encoding = utf8.isPresent() ? "UTF-8" : "windows-1252";
        }
        return new Text(s, encoding, lines(s), false);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static long lines(String s) {
        return s.isEmpty() ? 0 : s.lines().count();
    }
}
