package dev.sonde.testkit.logs;

import dev.sonde.facts.SecurityFlag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Builds one GWSMO log, record by record, in the trace format ({@code Trace-*.log}) or the authorization format
 * (folder {@code Identity}), the way the clients write them: each record at the builder's current time, which
 * {@link #at} sets and {@link #after} moves on.
 *
 * <pre>{@code
 * Path log = GwsmoLog.trace().offset(ZoneOffset.ofHours(-3)).at("2017-09-21T07:10:02Z")
 *         .header("OUTLOOK.EXE", "4.3.68.0")
 *         .healthy(3)
 *         .after(Duration.ofSeconds(2))
 *         .tlsFailure("127.0.0.1", 8888, "COMPUTERNAME", CertBlock.fiddler("*.google.com"),
 *                 SecurityFlag.INVALID_CA, SecurityFlag.CERT_REV_FAILED)
 *         .writeTo(folder);
 * }</pre>
 *
 * Not thread-safe; every method but {@link #text()}, {@link #fileName()} and {@link #writeTo} returns this builder.
 */
public final class GwsmoLog {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");

    private final LogStyle style;
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder records = new StringBuilder();
    private ZoneOffset offset = ZoneOffset.UTC;
    private String thread = "1a20";
    /** The first record's local time (at the offset then in force): what the trace file is named after. */
    private LocalDateTime start;
    private Instant time = Instant.parse("2026-01-05T09:00:00Z");

    private GwsmoLog(LogStyle style) {
        this.style = style;
    }

    /** A trace log: ISO times with the offset, a thread id, level, category and location on every record. */
    public static GwsmoLog trace() {
        return new GwsmoLog(LogStyle.TRACE);
    }

    /** An authorization log: wall-clock times without zone (at the offset), a level word and a {@code file.cc(line)}. */
    public static GwsmoLog authorization() {
        return new GwsmoLog(LogStyle.AUTHORIZATION);
    }

    /** The machine's UTC offset the times are written at (default UTC). */
    public GwsmoLog offset(ZoneOffset offset) {
        this.offset = Objects.requireNonNull(offset, "offset");
        return this;
    }

    /** The thread id of the trace records that follow (default {@code 1a20}); the authorization format has none. */
    public GwsmoLog thread(String thread) {
        this.thread = Objects.requireNonNull(thread, "thread");
        return this;
    }

    /** The time of the records that follow. */
    public GwsmoLog at(Instant time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** The time of the records that follow, as an ISO instant ({@code 2017-09-21T07:10:04.356Z}). */
    public GwsmoLog at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** Moves the time of the records that follow by {@code step}. */
    public GwsmoLog after(Duration step) {
        return at(time.plus(step));
    }

    /**
     * The trace log's header, before its first record: the executable and the product's version, which the client's
     * version checks read ({@code Exe name: OUTLOOK.EXE}, {@code Product version: 4.3.68.0}).
     *
     * @throws IllegalStateException for an authorization log, which has no header
     */
    public GwsmoLog header(String exe, String productVersion) {
        if (style != LogStyle.TRACE) {
            throw new IllegalStateException("an authorization log has no header");
        }
        header.append("Exe name: ").append(exe).append('\n').append("Product version: ").append(productVersion).append('\n');
        return this;
    }

    /** {@code count} healthy records (sync chatter, successful requests) at the current time. */
    public GwsmoLog healthy(int count) {
        mark();
        records.append(GwsmoLogs.ordinaryLines(style, time, offset, thread, count));
        return this;
    }

    /**
     * A failed TLS connection, as the help article shows it: the status line with the WinHTTP flags, one line per
     * flag, the certificate shown (when not null), the WinHTTP error {@code 12175} (secure failure) of
     * {@code WinHttpSendRequest}, and the destination.
     *
     * @param ip       the address connected to (the proxy's, when one was used)
     * @param hostName the name the client printed next to it, or null
     */
    public GwsmoLog tlsFailure(String ip, int port, String hostName, CertBlock cert, SecurityFlag... flags) {
        return tlsFailure(new TlsAttempt(time, flags.length == 0 ? EnumSet.noneOf(SecurityFlag.class)
                : EnumSet.of(flags[0], flags), cert, ip, port, hostName, false));
    }

    /** A failed TLS connection at the attempt's own time (which becomes the current time). */
    public GwsmoLog tlsFailure(TlsAttempt attempt) {
        at(attempt.time());
        mark();
        records.append(GwsmoLogs.render(style, List.of(attempt), offset, thread));
        return this;
    }

    /**
     * A WinHTTP call that failed with an error code ({@code 12029} cannot connect, {@code 12002} timed out,
     * {@code 12007} name not resolved, ...): {@code Error from API WinHttpConnect. Code: 0x00002efd}.
     *
     * @param api the WinHTTP function, such as {@code WinHttpConnect} or {@code WinHttpSendRequest}
     */
    public GwsmoLog winHttpError(String api, int code) {
        return record("E", "1970", "windows_http.cc(197)", "Error from API " + api + ". Code: "
                + String.format(Locale.ROOT, "0x%08x", code));
    }

    /** A proxy that answered 407 with one authentication scheme: {@code Proxy 10.0.0.5:8080 answered status 407; ...}. */
    public GwsmoLog proxyAuthRequired(String proxyHostPort, String scheme) {
        return record("E", "1980", "windows_http.cc(221)", "Proxy " + proxyHostPort + " answered status 407;"
                + " Proxy-Authenticate: " + scheme);
    }

    /**
     * A request that got an HTTP answer: {@code Request to URL completed with HTTP status: 403}. A 407 reads as a
     * proxy asking for credentials without its address (use {@link #proxyAuthRequired} to name the proxy), not as
     * the server's answer.
     *
     * @throws IllegalArgumentException for a status outside 100-599, which a reader would take for no status at all
     */
    public GwsmoLog httpStatus(String url, int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return record(status >= 400 ? "E" : "I", "1630", "windows_http.cc(88)",
                "Request to " + url + " completed with HTTP status: " + status);
    }

    /**
     * One record with this message (which may span lines: continuation lines follow it), with the format's prefix:
     * {@code <time> <thread> E:Network <exe>!WinHttp::HandleCallback @ 2000 ()> } for a trace log,
     * {@code [<time>:ERROR:windows_http.cc(300)] } for an authorization log.
     */
    public GwsmoLog error(String message) {
        return record("E", "2000", "windows_http.cc(300)", message);
    }

    private GwsmoLog record(String level, String traceLine, String authLocation, String message) {
        mark();
        if (style == LogStyle.TRACE) {
            records.append(GwsmoLogs.traceTime(time, offset)).append(' ').append(thread).append(' ').append(level)
                    .append(":Network ").append(GwsmoLogs.TRACE_EXE).append("!WinHttp::HandleCallback @ ")
                    .append(traceLine).append(" ()> ");
        } else {
            records.append('[').append(GwsmoLogs.authorizationTime(time, offset)).append(':')
                    .append(level.equals("E") ? "ERROR" : "INFO").append(':').append(authLocation).append("] ");
        }
        records.append(message).append('\n');
        return this;
    }

    private void mark() {
        if (start == null) {
            start = LocalDateTime.ofInstant(time, offset);
        }
    }

    /** The log's text, LF line ends (see {@link GwsmoLogs#toCrlf} for Windows' CRLF). */
    public String text() {
        return header.toString() + records;
    }

    /**
     * The name the client gives such a file: {@code Trace-2017-09-21-04-10-02-p4120.log} (the first record's local
     * time) or {@code authorization.log}.
     */
    public String fileName() {
        if (style == LogStyle.AUTHORIZATION) {
            return "authorization.log";
        }
        LocalDateTime first = start == null ? LocalDateTime.ofInstant(time, offset) : start;
        return "Trace-" + FILE_TIME.format(first) + "-p4120.log";
    }

    /**
     * Writes the log, UTF-8, into {@code folder} under {@link #fileName()} ({@code Identity/authorization.log} for an
     * authorization log, as the client lays it out); creates the folders. Returns the file.
     */
    public Path writeTo(Path folder) {
        Path file = style == LogStyle.AUTHORIZATION ? folder.resolve("Identity").resolve(fileName())
                : folder.resolve(fileName());
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    @Override
    public String toString() {
        return text();
    }
}
