package dev.sonde.testsupport;

import dev.sonde.testkit.logs.LogEncoding;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testkit.logs.CertBlock;
import dev.sonde.testkit.logs.TlsAttempt;
import dev.sonde.testkit.logs.GwsmoLogs;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.sonde.facts.SecurityFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators for GWSMO log variants, shared by every module's tests. */
public final class LogGenerators {

    /** Hosts GWSMO talks to. */
    public static final List<String> GOOGLE_HOSTS = List.of(
            "*.google.com", "*.googleapis.com", "mail.google.com", "oauth2.googleapis.com", "www.googleapis.com");

    private static final long FROM = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2030-12-31T00:00:00Z").toEpochMilli();
    private static final SecurityFlag[] FLAGS = SecurityFlag.values();

    private LogGenerators() {
    }

    /** Any subset of the security flags (all 256 of them reachable). */
    public static Gen<Set<SecurityFlag>> securityFlags() {
        return integers().between(0, (1 << FLAGS.length) - 1).map(mask -> {
            Set<SecurityFlag> s = EnumSet.noneOf(SecurityFlag.class);
            for (int i = 0; i < FLAGS.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    s.add(FLAGS[i]);
                }
            }
            return s;
        });
    }

    /** UTC offsets from -12:00 to +14:00 in quarter hours. */
    public static Gen<ZoneOffset> offsets() {
        return integers().between(-48, 56).map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60));
    }

    /** Thread ids as trace logs print them: lower-case hex, 1 to 4 digits. */
    public static Gen<String> threads() {
        return integers().between(1, 0xffff).map(i -> Integer.toHexString(i));
    }

    /** Instants between 2015 and 2030, to the millisecond. */
    public static Gen<Instant> instants() {
        return longs().between(FROM, TO).map((Long ms) -> Instant.ofEpochMilli(ms));
    }

    /** Instants between 2015 and 2030, to the second (what authorization logs and validity dates print). */
    public static Gen<Instant> instantsToTheSecond() {
        return longs().between(FROM / 1000, TO / 1000).map((Long s) -> Instant.ofEpochSecond(s));
    }

    /** Host names a Google certificate may be issued for. */
    public static Gen<String> googleHosts() {
        return Generate.pick(GOOGLE_HOSTS);
    }

    /** Certificate blocks: current Google (WR2), older Google (G2), or Fiddler's. */
    public static Gen<CertBlock> certBlocks() {
        Gen<Integer> kind = integers().between(0, 2);
        return kind.zip(googleHosts(), instantsToTheSecond(), integers().between(1, 400), (k, host, from, days) -> {
            Instant to = from.plus(Duration.ofDays(days));
            return switch (k) {
                case 0 -> CertBlock.google(host, from, to);
                case 1 -> CertBlock.googleG2(host, from, to);
                default -> CertBlock.fiddler(host);
            };
        });
    }

    /** Destinations as {@code [ip, port, hostName-or-null]}: Google addresses, local proxies, IPv6. */
    public static Gen<Object[]> destinations() {
        return Generate.pick(List.of(
                new Object[] {"216.58.194.170", 443, "sfo07s13-in-f170.1e100.net"},
                new Object[] {"142.250.74.46", 443, "par10s40-in-f14.1e100.net"},
                new Object[] {"127.0.0.1", 8888, "COMPUTERNAME"},
                new Object[] {"10.1.2.3", 8080, null},
                new Object[] {"2607:f8b0:4005:80a::200a", 443, "sfo03s18-in-x0a.1e100.net"},
                new Object[] {"172.217.3.110", 443, null}));
    }

    /** Failed TLS attempts: any flags, a certificate or none, any destination, with or without proxy fallback. */
    public static Gen<TlsAttempt> attempts() {
        Gen<CertBlock> cert = certBlocks().toOptionals(75).map(o -> o.orElse(null));
        return instants().zip(securityFlags(), cert, destinations(), Generate.booleans(),
                (t, flags, c, d, fallback) -> new TlsAttempt(t, flags, c, (String) d[0], (Integer) d[1], (String) d[2], fallback));
    }

    /** One to four attempts. */
    public static Gen<List<TlsAttempt>> attemptLists() {
        return lists().of(attempts()).ofSizeBetween(1, 4);
    }

    /** Whole logs in the given style: a few attempts with healthy records between them. */
    public static Gen<String> logs(LogStyle style) {
        return attemptLists().zip(offsets(), threads(), integers().between(1, 3),
                (attempts, offset, thread, every) -> GwsmoLogs.insertOrdinaryLines(
                        GwsmoLogs.render(style, attempts, offset, thread), style, every));
    }

    /**
     * Logs of either format and line end with a region of records in the other encoding family: a UTF-8 file
     * (with or without byte-order mark) holding UTF-16LE/BE records (with or without one at the region's start),
     * or a UTF-16 file holding UTF-8 records.
     */
    public static Gen<MixedLog> mixedLogs() {
        Gen<LogStyle> styles = Generate.enumValues(LogStyle.class);
        Gen<Styled> texts = styles.flatMap(style -> logs(style).map(log -> new Styled(style, log)));
        Gen<LogEncoding> encodings = Generate.enumValues(LogEncoding.class);
        Gen<Integer> percents = integers().between(0, 100);
        return texts.zip(Generate.booleans(), encodings, encodings, percents.zip(percents, (a, b) -> a * 101 + b),
                (styled, crlf, base, other, where) -> {
                    LogStyle style = styled.style();
                    String text = crlf ? GwsmoLogs.toCrlf(styled.log()) : styled.log();
                    LogEncoding region = other.utf16() != base.utf16() ? other
                            : base.utf16() ? (other.ordinal() % 2 == 0 ? LogEncoding.UTF_8 : LogEncoding.UTF_8_BOM)
                            : (other.ordinal() % 2 == 0 ? LogEncoding.UTF_16LE : LogEncoding.UTF_16BE_BOM);
                    int records = GwsmoLogs.records(text, style);
                    int first = (where / 101) * (records - 1) / 100;
                    int count = 1 + (where % 101) * (records - first - 1) / 100;
                    return new MixedLog(text, style, base, region, first, count);
                });
    }

    private record Styled(LogStyle style, String log) {
    }

    /** Arbitrary text lines, including log-like fragments, certificate markers and broken prefixes. */
    public static Gen<String> junkText() {
        Gen<String> fragment = Generate.pick(List.of(
                "[2022-09-21T03:59:46:ERROR:windows_http.cc(331)] ", "2017-09-21T04:10:04.356-03:00 1a20 E:Network x!y::z @ 1 ()> ",
                "Certificate details:", "---Validity--", "Valid from: 2017-09-13 17:23:55 UTC", "Valid until: garbage",
                "---Subject---", "---Issuer----", "-------------", "Status: 0x00010000. Info 0x", "hr = 0x8007",
                "Code: 0x00002f8f", "destination details: 1.2.3.4:99999 (", "Proxy-Authenticate: ", "HTTP/1.1 407",
                "WINHTTP_CALLBACK_STATUS_FLAG_", "Subject: CN=", "[9999-99-99T99:99:99:ERROR:x]", "\n", "\r", "\r\n", "\t",
                "é", "\u0000", "\uFFFD", "\uD800", "0x", "(", ")", "=", ",", ":", " ", "Error result 9"));
        return lists().of(fragment).ofSizeBetween(0, 40).map(parts -> String.join("", parts));
    }

    /** Whole logs of either style with up to four {@link #junkText} lines put in at generated places. */
    public static Gen<String> logsWithJunk() {
        Gen<String> logs = Generate.enumValues(LogStyle.class).flatMap(LogGenerators::logs);
        Gen<List<String>> junk = lists().of(junkText()).ofSizeBetween(0, 4);
        return logs.zip(junk, integers().between(0, 1000), (log, lines, seed) -> {
            List<String> out = new ArrayList<>(List.of(log.split("\n", -1)));
            for (int k = 0; k < lines.size(); k++) {
                out.add((seed * (k + 7)) % out.size(), lines.get(k));
            }
            return String.join("\n", out);
        });
    }

    /** The name of every encoding the log writers produce, and windows-1252. */
    public static Gen<String> encodingNames() {
        List<String> names = new ArrayList<>();
        Arrays.stream(LogEncoding.values()).forEach(e -> names.add(e.name()));
        names.add("windows-1252");
        return Generate.pick(names);
    }

    /** Arbitrary bytes, up to 4 KiB. */
    public static Gen<byte[]> randomBytes() {
        return Generate.byteArrays(integers().between(0, 4096), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }
}
