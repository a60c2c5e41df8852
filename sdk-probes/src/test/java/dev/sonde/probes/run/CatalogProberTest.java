package dev.sonde.probes.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.InputSummary;
import dev.sonde.Warning;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProbeStatus;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.RevocationKind;
import dev.sonde.facts.RevocationReason;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.TcpReason;
import dev.sonde.facts.UrlCheck;
import dev.sonde.facts.UrlReason;
import dev.sonde.probes.tls.CertificateInfo;
import dev.sonde.testsupport.net.ClosedPort;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The prober's facts against real loopback servers (rules are tested in sdk-examples). */
class CatalogProberTest {

    static ProbeCatalog.RootCertificate anchor(X509Certificate c) throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return new ProbeCatalog.RootCertificate("test root", CertificateInfo.sha256(c), pem);
    }

    @Test
    void aHealthyServerGivesOkFactsAndAClosedPortMakesItsDependentsNotRun() throws Exception {
        ClosedPort closed = ClosedPort.allocate();
        try (LoopbackPki loopback = LoopbackPki.start(); TlsTestServer server = TlsTestServer.start(loopback.pki().healthy())) {
            ProbeCatalog catalog = new ProbeCatalog(List.of(
                    ProbeCatalog.Endpoint.of("mail", "https://localhost:" + server.port() + "/mail/r/"),
                    ProbeCatalog.Endpoint.of("calendar", "https://localhost:" + closed.port() + "/calendar/"),
                    ProbeCatalog.Endpoint.of("revocation", loopback.revocation().crlUrl().toString())),
                    List.of(anchor(loopback.pki().genuineRoot().certificate())));
            List<Fact> facts = new ArrayList<>();
            List<Warning> warnings = new ArrayList<>();
            List<int[]> progress = new CopyOnWriteArrayList<>();
            ProbeOptions options = ProbeOptions.defaults().withSystemProxyDiscovery(false).withTimeout(Duration.ofSeconds(6))
                    .withProbeTimeout(Duration.ofSeconds(2)).withProgress((done, total, last) -> progress.add(new int[] {done, total}));
            List<InputSummary> sources = new CatalogProber().run(catalog, options, facts::add, warnings::add);

            assertThat(facts).filteredOn(PortCheck.class::isInstance).map(PortCheck.class::cast)
                    .extracting(PortCheck::port, PortCheck::status, PortCheck::reason)
                    .contains(org.assertj.core.groups.Tuple.tuple(server.port(), ProbeStatus.OK, TcpReason.CONNECTED),
                            org.assertj.core.groups.Tuple.tuple(closed.port(), ProbeStatus.PROBLEM, TcpReason.REFUSED));
            assertThat(facts).filteredOn(ServedChain.class::isInstance).map(ServedChain.class::cast).singleElement()
                    .satisfies(c -> {
                        assertThat(c.status()).isEqualTo(ProbeStatus.OK);
                        assertThat(c.issuerName()).isEqualTo("Sonde Test Issuing CA WR2");
                        assertThat(c.sha256()).hasSize(64);
                    });
            assertThat(facts).filteredOn(UrlCheck.class::isInstance).map(UrlCheck.class::cast).singleElement()
                    .satisfies(u -> assertThat(u.reason()).isEqualTo(UrlReason.ANSWERED));
            assertThat(facts).filteredOn(RevocationCheck.class::isInstance).map(RevocationCheck.class::cast)
                    .extracting(RevocationCheck::kind, RevocationCheck::reason)
                    .contains(org.assertj.core.groups.Tuple.tuple(RevocationKind.CRL, RevocationReason.GOOD), org.assertj.core.groups.Tuple.tuple(RevocationKind.OCSP, RevocationReason.GOOD),
                            org.assertj.core.groups.Tuple.tuple(RevocationKind.HTTP, RevocationReason.REACHABLE));
            assertThat(facts).filteredOn(RevocationCheck.class::isInstance).map(RevocationCheck.class::cast)
                    .extracting(RevocationCheck::kind, RevocationCheck::servedBy) // whose leaf was checked: a revoked one is its problem
                    .contains(org.assertj.core.groups.Tuple.tuple(RevocationKind.CRL, "localhost:" + server.port()),
                            org.assertj.core.groups.Tuple.tuple(RevocationKind.HTTP, ""));
            assertThat(facts).filteredOn(ProbeSkipped.class::isInstance).map(ProbeSkipped.class::cast)
                    .extracting(ProbeSkipped::family).containsExactlyInAnyOrder(ProbeFamily.TLS, ProbeFamily.HTTPS);
            assertThat(warnings).hasSize(2);
            assertThat(facts).allSatisfy(f -> assertThat(f.source().file()).startsWith("probe:"));
            assertThat(sources).extracting(InputSummary::name).contains("probe:tcp", "probe:tls", "probe:revocation");
            assertThat(progress).isNotEmpty().last().satisfies(p -> assertThat(p[0]).isEqualTo(p[1]));
        }
    }
}
