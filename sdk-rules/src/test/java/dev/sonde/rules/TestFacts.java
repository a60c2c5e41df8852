package dev.sonde.rules;

import dev.sonde.Report;
import dev.sonde.Evidence;
import dev.sonde.InputSummary;
import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClientInfo;
import dev.sonde.facts.Destination;
import dev.sonde.facts.Fact;
import dev.sonde.facts.InstalledRoot;
import dev.sonde.facts.LogTime;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.NetworkErrorCode;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.RootStore;
import dev.sonde.facts.SecurityFlag;
import dev.sonde.facts.TlsFailure;
import dev.sonde.spi.RuleEngine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Facts as the log readers would make them, to test the engine without a reader. */
final class TestFacts {

    static final List<String> GOOGLE_G2 = List.of("US", "Google Inc", "Google Internet Authority G2");
    static final List<String> GOOGLE_WR2 = List.of("US", "Google Trust Services", "WR2");
    static final List<String> GOOGLEAPIS = List.of("US", "California", "Mountain View", "Google Inc", "*.googleapis.com");
    static final List<String> FIDDLER_SUBJECT = List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "*.google.com");
    static final List<String> FIDDLER_ISSUER = List.of("Created by http://www.fiddler2.com", "DO_NOT_TRUST", "DO_NOT_TRUST_FiddlerRoot");

    private TestFacts() {
    }

    /** A fluent list of facts from one file, one thread, one time. */
    static final class Log {
        final String file;
        String thread = "";
        LogTime time;
        long line = 1;
        final List<Fact> facts = new ArrayList<>();

        Log(String file, LogTime time) {
            this.file = file;
            this.time = time;
        }

        Log thread(String t) {
            this.thread = t;
            return this;
        }

        Log at(LogTime t) {
            this.time = t;
            return this;
        }

        Log skip(int lines) {
            line += lines;
            return this;
        }

        Evidence src(String text) {
            return new Evidence(file, line++, text);
        }

        Log tls(SecurityFlag... flags) {
            Set<SecurityFlag> set = flags.length == 0 ? EnumSet.noneOf(SecurityFlag.class) : EnumSet.of(flags[0], flags);
            facts.add(new TlsFailure(set, time, thread, src("Secure connection failure. Info " + set)));
            return this;
        }

        Log cert(List<String> subject, List<String> issuer, String notBefore, String notAfter) {
            facts.add(new Certificate(subject, issuer, Instant.parse(notBefore), Instant.parse(notAfter), time, thread,
                    src("Certificate details:")));
            line += subject.size() + issuer.size() + 5;
            return this;
        }

        Log error(NetworkErrorCode code, String operation) {
            facts.add(new NetworkError(code, operation, time, thread, src("Error " + code.hresult())));
            return this;
        }

        Log destination(String ip, int port, String host) {
            facts.add(new Destination(ip, port, host, time, thread,
                    src("Network connection destination details: " + ip + ":" + port + " (" + host + ")")));
            return this;
        }

        Log fallback(String proxy) {
            facts.add(new ProxyEvent(ProxyEvent.Kind.DIRECT_FALLBACK, List.of(), proxy, time, thread,
                    src("Error from API WinHttpSendRequest with WinHTTP proxy. Will try direct (without proxy).")));
            return this;
        }

        Log auth(String proxy, String... schemes) {
            facts.add(new ProxyEvent(ProxyEvent.Kind.AUTH_REQUIRED, List.of(schemes), proxy, time, thread,
                    src("HTTP/1.1 407 Proxy Authentication Required")));
            return this;
        }

        Log client(String product, String version) {
            facts.add(new ClientInfo(product, "OUTLOOK.EXE", version, time, thread, src("Product version: " + version)));
            return this;
        }

        List<Fact> facts() {
            return facts;
        }
    }

    static LogTime unzoned(String local) {
        return new LogTime(LocalDateTime.parse(local), null);
    }

    static LogTime zoned(String iso) {
        OffsetDateTime t = OffsetDateTime.parse(iso);
        return new LogTime(t.toLocalDateTime(), t.getOffset());
    }

    /** The article's first example (authorization log, clock set to 2022). */
    static List<Fact> articleExample1() {
        return new Log("Identity/auth.log", unzoned("2022-09-21T03:59:46"))
                .tls(SecurityFlag.CERT_REV_FAILED)
                .cert(GOOGLEAPIS, GOOGLE_G2, "2017-09-13T17:23:55Z", "2017-12-06T17:10:00Z")
                .tls(SecurityFlag.CERT_REV_FAILED)
                .fallback("")
                .error(NetworkErrorCode.SECURE_FAILURE, "WinHttpSendRequest")
                .destination("216.58.194.170", 443, "sfo07s13-in-f170.1e100.net")
                .facts();
    }

    /** The article's second example (trace log, Fiddler). */
    static List<Fact> articleExample2() {
        return new Log("Trace-2017-09-21-04-10-00-p6000.log", zoned("2017-09-21T04:10:04.356-03:00")).thread("1a20")
                .tls(SecurityFlag.CERT_REV_FAILED, SecurityFlag.INVALID_CA)
                .cert(FIDDLER_SUBJECT, FIDDLER_ISSUER, "2016-09-20T04:08:45Z", "2022-09-20T04:08:45Z")
                .error(NetworkErrorCode.SECURE_FAILURE, "")
                .destination("127.0.0.1", 8888, "COMPUTERNAME")
                .facts();
    }

    /**
     * A root listed by {@code certutil -store Root} (roots-machine.txt) or {@code -user -store Root} (roots-user.txt),
     * as {@code RootStoreOutput} reads it: its subject {@code CN=cn, O=org}, self-issued, dates unread.
     */
    static InstalledRoot root(RootStore store, int line, String cn, String org, String sha1) {
        String dn = "CN=" + cn + (org.isEmpty() ? "" : ", O=" + org);
        List<String> values = org.isEmpty() ? List.of(cn) : List.of(cn, org);
        String file = store == RootStore.USER ? "roots-user.txt" : "roots-machine.txt";
        return new InstalledRoot(store, dn, dn, values, cn, org, cn, org, "", "", null, null, sha1, "01", LogTime.UNKNOWN,
                "", new Evidence(file, line, "Subject: " + dn));
    }

    /** Runs facts through a fresh session. */
    static Report analyze(RuleEngine engine, List<? extends Fact> facts) {
        return analyze(engine, facts, Locale.ENGLISH);
    }

    static Report analyze(RuleEngine engine, List<? extends Fact> facts, Locale locale) {
        try (RuleEngine.Session s = engine.openSession(locale, Instant.now().plusSeconds(60))) {
            facts.forEach(s::add);
            return s.finish(List.of(new InputSummary("test.log", "gwsmo-trace", "UTF-8", 10, 0, facts.size(),
                    InputSummary.Status.READ)), List.of());
        }
    }
}
