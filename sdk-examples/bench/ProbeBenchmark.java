import dev.sonde.ProbeCatalog;
import dev.sonde.ProbeOptions;
import dev.sonde.Report;
import dev.sonde.Sonde;
import dev.sonde.testsupport.net.LoopbackPki;
import dev.sonde.testsupport.net.TlsTestServer;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Live-probe concurrency: a catalog of 12 HTTPS endpoints on one loopback server that delays every
 * answer by 300 ms (test PKI, CRL/OCSP server on loopback). Prints the wall time of a full probe run
 * as Sonde runs it (concurrent) and of the same run with one probe at a time, which is the sum of the
 * probe times. Nothing leaves 127.0.0.1.
 *
 * <p>Usage (see run-probe.sh): {@code java -cp sonde.jar:lib/*:sdk-probes-tests.jar ProbeBenchmark.java [ROUNDS]}
 */
public class ProbeBenchmark {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (LoopbackPki loopback = LoopbackPki.start();
             TlsTestServer server = TlsTestServer.start(loopback.pki().healthy())) {
            server.delay(Duration.ofMillis(300));
            X509Certificate root = loopback.pki().genuineRoot().certificate();
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(root.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded()));
            List<ProbeCatalog.Endpoint> endpoints = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                endpoints.add(ProbeCatalog.Endpoint.of("service-" + i, "https://localhost:" + server.port() + "/endpoint/" + i));
            }
            ProbeCatalog catalog = new ProbeCatalog(endpoints, List.of(new ProbeCatalog.RootCertificate("bench root", sha, pem)));
            ProbeOptions base = ProbeOptions.defaults().withSystemProxyDiscovery(false);
            Sonde sonde = Sonde.builder().probeCatalog(catalog).build();
            System.out.println("catalog: 12 HTTPS endpoints on 127.0.0.1:" + server.port() + ", each answer delayed 300 ms");
            sonde.probe(base); // warm-up: JIT, TLS, class loading
            for (int r = 1; r <= rounds; r++) {
                long t0 = System.nanoTime();
                Report concurrent = sonde.probe(base);
                long t1 = System.nanoTime();
                Report sequential = sonde.probe(base.withConcurrency(1));
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d: full probe (concurrent, 16 at once) %5d ms | one at a time (sum of probe times) %5d ms | problems: %b/%b%n",
                        r, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, concurrent.hasProblems(), sequential.hasProblems());
            }
        }
    }
}
