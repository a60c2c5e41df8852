import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a large GWSMO trace log: ordinary sync chatter from three threads with TLS failures,
 * timeouts and proxy fallbacks scattered through it (one incident per ~1,000 records by default).
 *
 * <p>Usage: {@code java GenerateTraceLog.java OUT.log SIZE_MB [SEED] [RECORDS_PER_INCIDENT]}
 */
public class GenerateTraceLog {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024L * 1024L;
        Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 42);
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        OffsetDateTime t = OffsetDateTime.of(2024, 3, 5, 9, 0, 0, 0, ZoneOffset.ofHours(1));
        String[] threads = {"0f3c", "2b18", "1a20"};
        long written = 0;
        long lines = 0;
        long incidents = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String header = "Configuration: Release\r\nExe name: OUTLOOK.EXE\r\nExe version: 16.0.17328.20142\r\n"
                    + "Product version: 4.3.68.0\r\nOS Version: Windows 10 Enterprise 10.0.19045\r\nProcess Id: 4120\r\n";
            w.write(header);
            written += header.length();
            while (written < target) {
                t = t.plusNanos((random.nextInt(400) + 1) * 1_000_000L);
                String th = threads[random.nextInt(threads.length)];
                String text;
                if (random.nextInt(every) == 0) {
                    text = incident(random.nextInt(4), t, th);
                    incidents++;
                } else {
                    text = ordinary(random, t, th);
                }
                w.write(text);
                written += text.length();
                lines += text.chars().filter(c -> c == '\n').count();
            }
        }
        System.out.printf("wrote %s: %.1f MB, %,d lines, %,d incidents%n", out, written / 1048576.0, lines, incidents);
    }

    static String ordinary(Random r, OffsetDateTime t, String th) {
        String time = TIME.format(t);
        switch (r.nextInt(5)) {
            case 0: return time + " " + th + " I:Network OUTLOOK!WinHttp::SendRequest @ 1710 ()> Sending GET request to https://www.googleapis.com/calendar/v3/users/me/calendarList?maxResults=" + r.nextInt(250) + "\r\n";
            case 1: return time + " " + th + " I:Network OUTLOOK!WinHttp::HandleCallback @ 1890 ()> Request completed. HTTP status 200. Bytes received: " + r.nextInt(90000) + "\r\n";
            case 2: return time + " " + th + " I:Sync OUTLOOK!MailSync::Poll @ 402 ()> Mail: " + r.nextInt(9) + " new messages, " + r.nextInt(4) + " changes.\r\n";
            case 3: return time + " " + th + " V:Calendar OUTLOOK!CalendarSync::ApplyChange @ 318 ()> Event " + Long.toHexString(r.nextLong()) + " updated (sequence " + r.nextInt(40) + ").\r\n";
            default: return time + " " + th + " I:Generic OUTLOOK!SyncScheduler::Tick @ 77 ()> Next sync in " + (30 + r.nextInt(270)) + " seconds.\r\n";
        }
    }

    static String incident(int kind, OffsetDateTime t, String th) {
        String p = TIME.format(t) + " " + th + " E:Network OUTLOOK!WinHttp::HandleCallback @ ";
        switch (kind) {
            case 0: // interception by a local proxy
                return p + "2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000009\r\n"
                        + p + "2030 ()> Failure details:\r\nCertificate details:\r\n---Validity--\r\n"
                        + "Valid from: 2023-09-20T04:08:45.000Z\r\nValid until: 2025-09-20T04:08:45.000Z\r\n"
                        + "---Subject---\r\nDO_NOT_TRUST\r\n*.googleapis.com\r\n---Issuer----\r\nDO_NOT_TRUST\r\nDO_NOT_TRUST_FiddlerRoot\r\n-------------\r\n"
                        + p + "2071 ()> Error result 5, hr = 0x80072f8f. Setting event 0000000000001638.\r\n"
                        + p + "2076 ()> Network connection destination details: 127.0.0.1:8888 (COMPUTERNAME)\r\n";
            case 1: // revocation server unreachable
                return p + "2025 ()> Secure connection failure. Status: 0x00010000. Info 0x00000001\r\n"
                        + p + "2071 ()> Error result 5, hr = 0x80072f8f.\r\n"
                        + p + "2076 ()> Network connection destination details: 142.250.185.74:443 (fra16s48-in-f10.1e100.net)\r\n";
            case 2: // timeout
                return p + "2071 ()> Error result 5, hr = 0x80072ee2.\r\n"
                        + p + "2076 ()> Network connection destination details: 142.250.185.74:443 (fra16s48-in-f10.1e100.net)\r\n";
            default: // proxy failure, then direct
                return p + "197 ()> Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy). Code: 0x00002efd\r\n";
        }
    }
}
