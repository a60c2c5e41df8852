package dev.sonde.probes.pac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.facts.Fact;
import dev.sonde.facts.PacFailure;
import dev.sonde.facts.PacFailureReason;
import dev.sonde.facts.PacProxy;
import dev.sonde.facts.PacRoute;
import dev.sonde.facts.ProxyReason;
import dev.sonde.probes.Deadline;
import dev.sonde.probes.proxy.ProxyAuthProbe;
import dev.sonde.probes.proxy.ProxyAuthResult;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.PacTestServer;
import dev.sonde.testsupport.net.ProxyTestServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAC scripts served by a real HTTP server on 127.0.0.1, fetched and evaluated for the catalog's URLs. The
 * scripts' DNS helpers see only a map; nothing leaves the machine.
 */
class PacRoutesTest {

    static final List<URI> CATALOG = List.of(URI.create("https://oauth2.googleapis.com/token"),
            URI.create("https://www.googleapis.com/calendar/"), URI.create("https://mail.google.com/mail/r/"),
            URI.create("http://crl.pki.goog/"));

    private final PacTestServer server = new PacTestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static PacOptions options() {
        return PacScriptTest.options().evaluationTimeout(Duration.ofMillis(500)).totalTimeout(Duration.ofSeconds(3))
                .build();
    }

    private static <T extends Fact> List<T> only(List<Fact> facts, Class<T> type) {
        assertThat(facts).allMatch(type::isInstance);
        return facts.stream().map(type::cast).toList();
    }

    @Test
    void aScriptRoutingGoogleApisToAnAuthenticatingProxyPointsAtIt() {
        try (ProxyTestServer proxy = ProxyTestServer.requiringAuth("Basic realm=\"corp\"", "NTLM")) {
            String url = server.serve("/proxy.pac", """
                    function FindProxyForURL(url, host) {
                      if (shExpMatch(host, "*.googleapis.com")) return "PROXY 127.0.0.1:%d; DIRECT";
                      return "DIRECT";
                    }""".formatted(proxy.port()));
            List<PacRoute> routes = only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacRoute.class);
            assertThat(routes).extracting(PacRoute::host).containsExactly("oauth2.googleapis.com", "www.googleapis.com",
                    "mail.google.com", "crl.pki.goog");
            PacRoute apis = routes.get(1);
            assertThat(apis.proxies()).containsExactly(new PacProxy(PacProxy.Type.PROXY, "127.0.0.1:" + proxy.port()),
                    PacProxy.DIRECT);
            assertThat(apis.direct()).isFalse();
            assertThat(apis.script()).isEqualTo(url);
            assertThat(apis.url()).isEqualTo("https://www.googleapis.com/calendar/");
            assertThat(apis.source().file()).isEqualTo(PacRoutes.PROBE_FILE);
            assertThat(apis.source().text()).isEqualTo("FindProxyForURL(\"https://www.googleapis.com/calendar/\", "
                    + "\"www.googleapis.com\") = \"PROXY 127.0.0.1:" + proxy.port() + "; DIRECT\"");
            assertThat(routes.get(2).direct()).isTrue();
            assertThat(routes.get(3).firstProxy()).isEmpty();

            // the route's proxy is the one that wants credentials
            String[] hostPort = apis.firstProxy().split(":");
            ProxyAuthResult answer = new ProxyAuthProbe().connect(hostPort[0], Integer.parseInt(hostPort[1]),
                    "www.googleapis.com", 443, Deadline.after(Duration.ofSeconds(5)));
            assertThat(answer.outcome().reason()).isEqualTo(ProxyReason.AUTH_REQUIRED);
            assertThat(answer.httpStatus()).isEqualTo(407);
            assertThat(proxy.requestHeads()).anyMatch(h -> h.startsWith("CONNECT www.googleapis.com:443"));
        }
    }

    @Test
    void aScriptReturningDirectRoutesEverythingDirect() {
        String url = server.serve("/direct.pac", "function FindProxyForURL(url, host) { return \"DIRECT\"; }");
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacRoute.class))
                .hasSize(4).allMatch(PacRoute::direct).extracting(PacRoute::result).containsOnly("DIRECT");
    }

    @Test
    void aScriptThatThrowsFailsForEachUrl() {
        String url = server.serve("/throws.pac", "function FindProxyForURL(url, host) { throw new Error('boom ' + host); }");
        List<PacFailure> failures = only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class);
        assertThat(failures).hasSize(4).allMatch(f -> f.reason() == PacFailureReason.THREW).allMatch(PacFailure::failure);
        assertThat(failures.get(0).url()).isEqualTo("https://oauth2.googleapis.com/token");
        assertThat(failures.get(0).detail()).contains("boom oauth2.googleapis.com");
        assertThat(failures.get(0).source().text()).startsWith("PAC script " + url + " for https://oauth2.googleapis.com/token: threw");
        assertThat(failures.get(0).reason().download()).isFalse();
    }

    @Test
    void aScriptThatLoopsForeverIsStoppedForEachUrl() {
        String url = server.serve("/loop.pac", "function FindProxyForURL(url, host) { for (;;) {} }");
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class))
                .hasSize(4).extracting(PacFailure::reason).containsOnly(PacFailureReason.TIMED_OUT);
    }

    @Test
    void aSyntaxErrorIsOneFailureOfTheScript() {
        String url = server.serve("/syntax.pac", "function FindProxyForURL(url, host) { return 'DIRECT' ");
        List<PacFailure> failures = only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class);
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo(PacFailureReason.SYNTAX);
            assertThat(f.url()).isEmpty();
        });
    }

    @Test
    void aScriptReachingForJavaOrFilesIsRefused() {
        String url = server.serve("/escape.pac", """
                function FindProxyForURL(url, host) {
                  if (host == "oauth2.googleapis.com") java.lang.System.exit(1);
                  if (host == "www.googleapis.com") return String(new Packages.java.io.File("/etc/passwd").exists());
                  if (host == "mail.google.com") load("/etc/passwd");
                  return readFile("/etc/passwd");
                }""");
        List<PacFailure> failures = only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class);
        assertThat(failures).hasSize(4).extracting(PacFailure::reason).containsOnly(PacFailureReason.THREW);
        assertThat(failures).extracting(PacFailure::detail).allMatch(d -> d.contains("not defined"));
    }

    @Test
    void aScriptAllocatingHugeStringsIsStopped() {
        String url = server.serve("/huge.pac", """
                function FindProxyForURL(url, host) {
                  var s = "PROXY ".repeat(1e9);
                  return s;
                }""");
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class))
                .hasSize(4).extracting(PacFailure::reason).containsOnly(PacFailureReason.EXHAUSTED);
    }

    @Test
    void anUnreachableScriptIsOneDownloadFailure() {
        String url = "http://127.0.0.1:" + ClosedPort.allocate().port() + "/proxy.pac";
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class))
                .singleElement().satisfies(f -> {
                    assertThat(f.reason()).isEqualTo(PacFailureReason.UNREACHABLE);
                    assertThat(f.reason().download()).isTrue();
                    assertThat(f.script()).isEqualTo(url);
                });
    }

    @Test
    void aScriptLargerThanTheCapIsNotRead() {
        String url = server.serve("/large.pac", "// " + "x".repeat(2 << 20) + "\nfunction FindProxyForURL(u, h) { return 'DIRECT'; }");
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class))
                .singleElement().extracting(PacFailure::reason).isEqualTo(PacFailureReason.TOO_LARGE);
        assertThat(only(PacRoutes.evaluate(null, Optional.of("//" + "x".repeat(2 << 20)), CATALOG, options()), PacFailure.class))
                .singleElement().extracting(PacFailure::reason).isEqualTo(PacFailureReason.TOO_LARGE);
    }

    @Test
    void redirectsAreFollowedUpToTheLimitAndStatusesReported() {
        server.serve("/real.pac", "function FindProxyForURL(u, h) { return 'DIRECT'; }");
        String once = server.redirect("/moved.pac", "/real.pac");
        assertThat(only(PacRoutes.evaluate(once, Optional.empty(), CATALOG, options()), PacRoute.class)).hasSize(4);
        String loop = server.redirect("/loop-a.pac", "/loop-a.pac");
        assertThat(only(PacRoutes.evaluate(loop, Optional.empty(), CATALOG, options()), PacFailure.class))
                .singleElement().satisfies(f -> {
                    assertThat(f.reason()).isEqualTo(PacFailureReason.BAD_ANSWER);
                    assertThat(f.detail()).contains("redirects");
                });
        String missing = server.url("/missing.pac");
        assertThat(only(PacRoutes.evaluate(missing, Optional.empty(), CATALOG, options()), PacFailure.class))
                .singleElement().satisfies(f -> {
                    assertThat(f.reason()).isEqualTo(PacFailureReason.BAD_ANSWER);
                    assertThat(f.detail()).isEqualTo("HTTP status 404");
                });
    }

    @Test
    void aSavedScriptIsEvaluatedWithoutFetching() {
        String unreachable = "http://127.0.0.1:" + ClosedPort.allocate().port() + "/proxy.pac";
        List<PacRoute> routes = only(PacRoutes.evaluate(unreachable,
                Optional.of("function FindProxyForURL(u, h) { return 'PROXY saved.corp.example:8080'; }"), CATALOG,
                options()), PacRoute.class);
        assertThat(routes).hasSize(4).allMatch(r -> r.firstProxy().equals("saved.corp.example:8080"));
        assertThat(routes.get(0).script()).isEqualTo(unreachable);
        assertThat(routes.get(0).source().file()).isEqualTo(PacRoutes.SAVED_FILE);
        assertThat(only(PacRoutes.evaluate(null, Optional.of("function FindProxyForURL(u, h) { return 'DIRECT'; }"),
                CATALOG, options()), PacRoute.class).get(0).script()).isEqualTo(PacRoutes.SAVED_FILE);
        assertThat(PacRoutes.evaluate(null, Optional.empty(), CATALOG, options())).isEmpty();
    }

    @Test
    void fileLocationsAreReadOnlyWhenAllowed(@TempDir Path dir) throws IOException {
        Path pac = Files.writeString(dir.resolve("proxy.pac"), "function FindProxyForURL(u, h) { return 'DIRECT'; }");
        String url = pac.toUri().toString();
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacFailure.class))
                .singleElement().extracting(PacFailure::reason).isEqualTo(PacFailureReason.NOT_ALLOWED);
        PacOptions allowed = PacScriptTest.options().allowFile(true).build();
        assertThat(only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, allowed), PacRoute.class)).hasSize(4);
        assertThat(only(PacRoutes.evaluate("file://fileserver/share/proxy.pac", Optional.empty(), CATALOG, allowed),
                PacFailure.class)).singleElement().extracting(PacFailure::reason).isEqualTo(PacFailureReason.NOT_ALLOWED);
        assertThat(only(PacRoutes.evaluate(dir.toUri().toString(), Optional.empty(), CATALOG, allowed), PacFailure.class))
                .singleElement().extracting(PacFailure::reason).isEqualTo(PacFailureReason.UNREACHABLE);
        assertThat(only(PacRoutes.evaluate("ftp://127.0.0.1/proxy.pac", Optional.empty(), CATALOG, allowed),
                PacFailure.class)).singleElement().extracting(PacFailure::reason).isEqualTo(PacFailureReason.NOT_ALLOWED);
    }

    @Test
    void aUserNameAndPasswordInTheScriptUrlAreNotKept() {
        String url = server.serve("/auth.pac", "function FindProxyForURL(u, h) { return 'DIRECT'; }")
                .replace("http://", "http://alice:s3cret@");
        List<PacRoute> routes = only(PacRoutes.evaluate(url, Optional.empty(), CATALOG, options()), PacRoute.class);
        assertThat(routes).hasSize(4).allSatisfy(r -> {
            assertThat(r.toString()).doesNotContain("s3cret").doesNotContain("alice");
            assertThat(r.script()).isEqualTo(url.replace("alice:s3cret@", ""));
        });
        String closed = "http://bob:hunter2@127.0.0.1:" + ClosedPort.allocate().port() + "/proxy.pac";
        assertThat(PacRoutes.evaluate(closed, Optional.empty(), CATALOG, options())).singleElement()
                .satisfies(f -> assertThat(f.toString()).doesNotContain("hunter2").doesNotContain("bob"));
    }
}
