package dev.sonde.probes.pac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonde.facts.PacFailureReason;
import dev.sonde.facts.PacProxy;
import dev.sonde.probes.dns.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The sandbox for real (Rhino, interpreted): helpers, answers, and every way a script can fail. No network. */
class PacScriptTest {

    /** What the helpers' DNS sees: a map, nothing else (a real lookup would leave the machine). */
    static final HostResolver MAP_DNS = (host, deadline) -> {
        Map<String, List<String>> names = Map.of(
                "intranet.corp.example", List.of("10.20.30.40"),
                "both.corp.example", List.of("10.20.30.41", "fd00::41"),
                "v6only.corp.example", List.of("fd00::42"));
        List<String> found = names.get(host);
        if (found == null) {
            throw new UnknownHostException(host);
        }
        return found.stream().map(a -> dev.sonde.net.IpLiterals.parse(a).orElseThrow()).toList();
    };

    /** Wednesday 2026-03-18 14:30:15 UTC. */
    static final Clock WEDNESDAY = Clock.fixed(Instant.parse("2026-03-18T14:30:15Z"), ZoneOffset.UTC);

    static PacOptions.Builder options() {
        return PacOptions.builder().resolver(MAP_DNS).clock(WEDNESDAY, ZoneOffset.UTC)
                .localAddresses(() -> List.of(address("10.1.2.3"), address("fd00::3")));
    }

    static InetAddress address(String literal) {
        return dev.sonde.net.IpLiterals.parse(literal).orElseThrow();
    }

    private static PacResult eval(String body, String url, String host) throws PacException {
        return PacScript.compile("function FindProxyForURL(url, host) {" + body + "}", "test.pac", options().build())
                .evaluate(url, host);
    }

    private static String answer(String expression) throws PacException {
        return eval("return " + expression + " ? 'PROXY yes:1' : 'DIRECT';", "http://x/", "x").written();
    }

    private static void fails(PacFailureReason reason, ThrowingCallable call) {
        fails("", reason, call);
    }

    private static void fails(String what, PacFailureReason reason, ThrowingCallable call) {
        assertThatThrownBy(call).as(what).isInstanceOfSatisfying(PacException.class, e -> assertThat(e.reason())
                .as(what + ": " + e.detail()).isEqualTo(reason));
    }

    @Test
    void routesGoogleApisThroughTheProxyAndTheRestDirect() throws PacException {
        PacScript script = PacScript.compile("""
                function FindProxyForURL(url, host) {
                  if (shExpMatch(host, "*.googleapis.com") || dnsDomainIs(host, ".google.com"))
                    return "PROXY proxy.corp.example:3128; DIRECT";
                  return "DIRECT";
                }""", "test.pac", options().build());
        PacResult google = script.evaluate("https://www.googleapis.com/calendar/", "www.googleapis.com");
        assertThat(google.proxies()).containsExactly(new PacProxy(PacProxy.Type.PROXY, "proxy.corp.example:3128"),
                PacProxy.DIRECT);
        assertThat(google.written()).isEqualTo("PROXY proxy.corp.example:3128; DIRECT");
        assertThat(script.evaluate("https://mail.google.com/mail/r/", "mail.google.com").proxies().get(0).type())
                .isEqualTo(PacProxy.Type.PROXY);
        assertThat(script.evaluate("http://crl.pki.goog/", "crl.pki.goog").proxies()).containsExactly(PacProxy.DIRECT);
    }

    @Test
    void hostHelpersAnswerAsBrowsersDo() throws PacException {
        assertThat(answer("isPlainHostName('wpad') && !isPlainHostName('www.google.com')")).startsWith("PROXY");
        assertThat(answer("dnsDomainLevels('www.google.com') == 2 && dnsDomainLevels('wpad') == 0")).startsWith("PROXY");
        assertThat(answer("localHostOrDomainIs('www', 'www.corp.example')")).startsWith("PROXY");
        assertThat(answer("localHostOrDomainIs('www.corp.example', 'www.corp.example')")).startsWith("PROXY");
        assertThat(answer("localHostOrDomainIs('www.other.example', 'www.corp.example')")).isEqualTo("DIRECT");
        assertThat(answer("dnsDomainIs('www.GoogleAPIs.com', '.googleapis.com')")).startsWith("PROXY");
        assertThat(answer("dnsDomainIs('googleapis.com.evil', '.googleapis.com')")).isEqualTo("DIRECT");
        assertThat(answer("shExpMatch('http://www.google.com/m8/feeds/', '*/m8/*')")).startsWith("PROXY");
        assertThat(answer("shExpMatch('www.google.com', '*.goo?le.com')")).startsWith("PROXY");
        assertThat(answer("shExpMatch('www.google.com', '*.GOOGLE.com')")).isEqualTo("DIRECT");
    }

    @Test
    void dnsHelpersUseTheInjectedResolver() throws PacException {
        assertThat(answer("dnsResolve('intranet.corp.example') == '10.20.30.40'")).startsWith("PROXY");
        assertThat(answer("dnsResolve('nowhere.corp.example') === null")).startsWith("PROXY");
        assertThat(answer("isResolvable('intranet.corp.example') && !isResolvable('nowhere.corp.example')")).startsWith("PROXY");
        assertThat(answer("!isResolvable('v6only.corp.example') && isResolvableEx('v6only.corp.example')")).startsWith("PROXY");
        assertThat(answer("dnsResolveEx('both.corp.example') == '10.20.30.41;fd00:0:0:0:0:0:0:41'")).startsWith("PROXY");
        assertThat(answer("isInNet('intranet.corp.example', '10.20.0.0', '255.255.0.0')")).startsWith("PROXY");
        assertThat(answer("isInNet('10.20.30.40', '10.21.0.0', '255.255.0.0')")).isEqualTo("DIRECT");
        assertThat(answer("isInNet('nowhere.corp.example', '0.0.0.0', '0.0.0.0')")).isEqualTo("DIRECT");
        assertThat(answer("isInNetEx('both.corp.example', 'fd00::/8') && isInNetEx('10.0.0.1', '10.0.0.0/8')")).startsWith("PROXY");
        assertThat(answer("convert_addr('1.2.3.4') == 16909060")).startsWith("PROXY");
    }

    @Test
    void myIpAddressIsTheInjectedOne() throws PacException {
        assertThat(answer("myIpAddress() == '10.1.2.3' && isInNet(myIpAddress(), '10.0.0.0', '255.0.0.0')")).startsWith("PROXY");
        assertThat(answer("myIpAddressEx() == '10.1.2.3;fd00:0:0:0:0:0:0:3'")).startsWith("PROXY");
    }

    @Test
    void timeHelpersReadTheInjectedClock() throws PacException { // Wednesday 2026-03-18 14:30:15 UTC
        assertThat(answer("weekdayRange('WED') && weekdayRange('MON', 'FRI') && !weekdayRange('THU', 'TUE')")).startsWith("PROXY");
        assertThat(answer("weekdayRange('SAT', 'WED', 'GMT') && !weekdayRange('SAT', 'SUN')")).startsWith("PROXY");
        assertThat(answer("dateRange(18) && dateRange('MAR') && dateRange(2026) && dateRange(1, 20)")).startsWith("PROXY");
        assertThat(answer("dateRange(1, 'MAR', 31, 'MAR') && dateRange('NOV', 'APR') && !dateRange('APR', 'OCT')")).startsWith("PROXY");
        assertThat(answer("dateRange(1, 'JAN', 2026, 18, 'MAR', 2026) && !dateRange('JAN', 2025, 'DEC', 2025)")).startsWith("PROXY");
        assertThat(answer("timeRange(14) && timeRange(9, 17) && !timeRange(15, 17) && timeRange(22, 15)")).startsWith("PROXY");
        assertThat(answer("timeRange(14, 30, 14, 31) && !timeRange(14, 30, 16, 14, 31, 0) && timeRange(14, 30, 15, 14, 30, 16, 'GMT')")).startsWith("PROXY");
        assertThat(answer("dateRange('NOTAMONTH') || timeRange('x') || weekdayRange('FUNDAY')")).isEqualTo("DIRECT");
    }

    @Test
    void findProxyForUrlExIsPreferredAsWindowsDoes() throws PacException {
        PacScript script = PacScript.compile("""
                function FindProxyForURL(url, host) { return "DIRECT"; }
                function FindProxyForURLEx(url, host) { return "PROXY ex.corp.example:8080"; }""", "t", options().build());
        assertThat(script.evaluate("https://www.googleapis.com/", "www.googleapis.com").written())
                .isEqualTo("PROXY ex.corp.example:8080");
    }

    @Test
    void globalStateLivesAcrossEvaluationsLikeInABrowser() throws PacException {
        PacScript script = PacScript.compile("var n = 0; function FindProxyForURL(u, h) { n++; return 'PROXY p:' + n; }",
                "t", options().build());
        script.evaluate("http://a/", "a");
        assertThat(script.evaluate("http://b/", "b").written()).isEqualTo("PROXY p:2");
    }

    @Test
    void answersAreParsedIntoEntries() throws PacException {
        assertThat(eval("return 'proxy a.example:1;  HTTPS [::1]:8443;SOCKS5 s.example; socks4 10.0.0.1:1081; HTTP h; DIRECT;';",
                "http://x/", "x").proxies()).containsExactly(
                new PacProxy(PacProxy.Type.PROXY, "a.example:1"), new PacProxy(PacProxy.Type.HTTPS, "[::1]:8443"),
                new PacProxy(PacProxy.Type.SOCKS5, "s.example:1080"), new PacProxy(PacProxy.Type.SOCKS4, "10.0.0.1:1081"),
                new PacProxy(PacProxy.Type.HTTP, "h:80"), PacProxy.DIRECT);
    }

    @Test
    void garbageAnswersAreTheScriptsFailure() {
        fails(PacFailureReason.BAD_RESULT, () -> eval("return 42;", "http://x/", "x"));
        fails(PacFailureReason.BAD_RESULT, () -> eval("return;", "http://x/", "x"));
        fails(PacFailureReason.BAD_RESULT, () -> eval("return '';", "http://x/", "x"));
        fails(PacFailureReason.BAD_RESULT, () -> eval("return 'PROXY';", "http://x/", "x"));
        fails(PacFailureReason.BAD_RESULT, () -> eval("return 'PROXY a:99999';", "http://x/", "x"));
        fails(PacFailureReason.BAD_RESULT, () -> eval("return 'DIRECT; use the proxy, Luke';", "http://x/", "x"));
        fails(PacFailureReason.BAD_RESULT, () -> eval("var s = 'PROXY a:1;'; while (s.length < 5000) s += s; return s;", "http://x/", "x"));
    }

    @Test
    void aScriptThatThrowsFailsWithItsMessage() {
        assertThatThrownBy(() -> eval("throw new Error('no route for ' + host);", "http://x/", "x.example"))
                .isInstanceOfSatisfying(PacException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PacFailureReason.THREW);
                    assertThat(e.detail()).contains("no route for x.example");
                });
        fails(PacFailureReason.THREW, () -> eval("return undefinedHelper(host);", "http://x/", "x"));
        fails(PacFailureReason.THREW, () -> PacScript.compile("throw 'at load';", "t", options().build()));
    }

    @Test
    void aScriptThatLoopsForeverIsStopped() {
        PacOptions quick = options().evaluationTimeout(Duration.ofMillis(300)).build();
        fails(PacFailureReason.TIMED_OUT, () -> PacScript.compile("function FindProxyForURL(u, h) { while (true) {} }",
                "t", quick).evaluate("http://x/", "x"));
        fails(PacFailureReason.TIMED_OUT, () -> PacScript.compile("while (true) {}", "t", quick));
        // a script cannot catch its stop, nor loop again in finally
        fails(PacFailureReason.TIMED_OUT, () -> PacScript.compile("function FindProxyForURL(u, h) { for (;;) { try { "
                + "while (true) {} } catch (e) { } finally { while (true) {} } } }", "t", quick).evaluate("http://x/", "x"));
        // catastrophic backtracking: the regular expression engine's steps are counted too
        fails(PacFailureReason.TIMED_OUT, () -> PacScript.compile("function FindProxyForURL(u, h) { "
                + "return /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab') ? 'DIRECT' : 'DIRECT'; }",
                "t", quick).evaluate("http://x/", "x"));
        // native recursion (an array of 2^40 nested elements joined): each guarded call counts
        fails(PacFailureReason.TIMED_OUT, () -> PacScript.compile("function FindProxyForURL(u, h) { "
                + "var a = [1]; for (var i = 0; i < 40; i++) a = [a, a]; return String(a); }", "t", quick)
                .evaluate("http://x/", "x"));
    }

    @Test
    void theInstructionBudgetStopsAScriptBeforeItsDeadline() {
        PacOptions budget = options().evaluationTimeout(Duration.ofMinutes(1)).totalTimeout(Duration.ofMinutes(1))
                .instructionBudget(100_000).build();
        assertThatThrownBy(() -> PacScript.compile("function FindProxyForURL(u, h) { for (var i = 0; ; i++) {} }", "t",
                budget).evaluate("http://x/", "x")).isInstanceOfSatisfying(PacException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PacFailureReason.TIMED_OUT);
                    assertThat(e.detail()).contains("instruction budget");
                });
    }

    @Test
    void theTotalTimeIsSharedByAllEvaluations() throws PacException {
        PacScript script = PacScript.compile("function FindProxyForURL(u, h) { while (true) {} }", "t",
                options().evaluationTimeout(Duration.ofMillis(200)).totalTimeout(Duration.ofMillis(1000))
                        .instructionBudget(Long.MAX_VALUE).build()); // the clock stops it, not the budget
        List<String> details = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) { // 5 evaluations of 200 ms spend the total, at most
            try {
                script.evaluate("http://a/", "a");
            } catch (PacException e) {
                assertThat(e.reason()).isEqualTo(PacFailureReason.TIMED_OUT);
                details.add(e.detail());
            }
        }
        assertThat(details).hasSize(7).last().asString().contains("total time of 1000 ms is spent");
    }

    @Test
    void syntaxErrorsAndMissingFunctionsAreReported() {
        fails(PacFailureReason.SYNTAX, () -> PacScript.compile("function FindProxyForURL(url, host) { return 'DIRECT'",
                "t", options().build()));
        fails(PacFailureReason.NO_FUNCTION, () -> PacScript.compile("var FindProxyForURL = 'DIRECT';", "t", options().build()));
    }

    @Test
    void javaFilesAndTheShellAreOutOfReach() {
        for (String attempt : List.of("java.lang.System.exit(1)", "Packages.java.io.File('/etc/passwd')",
                "new java.io.File('/')", "load('/tmp/x.js')", "readFile('/etc/passwd')", "importPackage(java.io)",
                "JavaImporter(java.io)", "getClass(host)", "Packages.java.lang.Runtime.getRuntime().exec('true')",
                "shExpMatch.getClass().forName('java.lang.System')", "new ArrayBuffer(8)",
                "this.constructor.constructor('return java')().lang.System.exit(1)", "print('x')", "JSON.stringify([])")) {
            fails(attempt, PacFailureReason.THREW, () -> eval(attempt + "; return 'DIRECT';", "http://x/", "x"));
        }
    }

    @Test
    void hugeAllocationsAreRefusedEvenInsideTryCatch() {
        for (String attempt : List.of("'x'.repeat(1e9)", "'x'.padStart(2e9)", "'x'.padEnd(1 << 30, 'y')",
                "new Array(1e9).join('x')", "var a = []; a.length = 4e9; a.fill(1)", "Array.from({length: 1e9})",
                "Math.max.apply(null, {length: 1e9})", "var s = 'x'; for (var i = 0; i < 40; i++) s += s; s.indexOf('y')",
                "shExpMatch('a'.repeat(60000), '*a'.repeat(5000))")) {
            fails(attempt, PacFailureReason.EXHAUSTED, () -> eval("try { " + attempt + "; } catch (e) { } return 'DIRECT';",
                    "http://x/", "x"));
        }
    }

    @Test
    void bigIntWhoseArithmeticIsNativeAndUncountedIsNotThere() {
        fails(PacFailureReason.SYNTAX, () -> eval("var x = 7n ** 30000000n; return 'DIRECT';", "http://x/", "x"));
        fails(PacFailureReason.THREW, () -> eval("var x = BigInt(7); return 'DIRECT';", "http://x/", "x"));
    }

    @Test
    void deepRecursionIsStopped() {
        fails(PacFailureReason.EXHAUSTED, () -> eval("function f(n) { return f(n + 1) + 1; } return f(0);", "http://x/", "x"));
    }

    @Test
    void aScriptOverTheSizeCapIsNotCompiled() {
        fails(PacFailureReason.TOO_LARGE, () -> PacScript.compile("//" + "x".repeat(2000), "t",
                options().maxScriptBytes(1000).build()));
    }
}
