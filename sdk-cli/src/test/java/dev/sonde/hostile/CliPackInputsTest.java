package dev.sonde.hostile;

import dev.sonde.cli.SondeCommand;
import dev.sonde.rules.trust.PackSignature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 8 at the command line: special and oversized files given as {@code --winhttp-proxy} and {@code --endpoints},
 * catalogs that name other schemes or no endpoints, a zip bomb given to {@code rules check}, {@code rules sign} of an
 * archive, and {@code --trust} while the pack's rule file is swapped: one sentence each, the right exit code, and
 * never a rule nobody signed.
 */
class CliPackInputsTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run sonde(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SondeCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static final String PACK_JSON = "{\"id\":\"acme\",\"version\":\"1.0\",\"apiVersion\":1}";
    static final String MESSAGES = "SIGNED_RULE.title=Signed\nSIGNED_RULE.explanation=The signed rule ran.\n"
            + "UNSIGNED_RULE.title=Unsigned\nUNSIGNED_RULE.explanation=A rule nobody signed ran.\n";

    static String rule(String findingId) {
        return "package acme;\nimport dev.sonde.rules.model.Raise;\n\nrule \"" + findingId.toLowerCase() + "\"\n"
                + "    @finding(\"" + findingId + "\") @severity(\"low\") @confidence(0.5)\nwhen\nthen\n"
                + "    Raise.finding(drools).insert();\nend\n";
    }

    private Path devZero(String name) throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        return Files.createSymbolicLink(tmp.resolve(name), Path.of("/dev/zero"));
    }

    private Path fifo(String name) throws Exception {
        Path p = tmp.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        return p;
    }

    @Test
    void specialFilesGivenAsProbeSettingsAreRefusedInOneSentence() throws Exception {
        Path zero = devZero("proxy.txt");
        Run proxy = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> sonde("probe", "--winhttp-proxy", zero.toString(),
                "--no-proxy-discovery"));
        assertThat(proxy.exit()).isEqualTo(SondeCommand.USAGE);
        assertThat(proxy.err()).isEqualTo("sonde: --winhttp-proxy: the saved WinHTTP proxy settings " + zero
                + " cannot be read: it is a character device, not a regular file\n");

        Path pipe = fifo("endpoints.json");
        Run endpoints = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> sonde("probe", "--endpoints", pipe.toString(),
                "--no-proxy-discovery"));
        assertThat(endpoints.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(endpoints.err()).isEqualTo("sonde: the endpoint catalog " + pipe
                + " cannot be read: it is a named pipe (FIFO), not a regular file\n");
    }

    @Test
    void aCatalogWithAnotherSchemeOrNoEndpointsProbesNothing() throws Exception {
        Path tcp = Files.writeString(tmp.resolve("tcp.json"), "{\"endpoints\": [\n {\"service\": \"x\", \"url\": \"tcp://10.0.0.1:25\"}]}");
        Run run = sonde("probe", "--endpoints", tcp.toString(), "--no-proxy-discovery");
        assertThat(run.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(run.err()).isEqualTo("sonde: " + tcp + ":2:2: endpoints[0]: 'url' must be an http:// or https:// URL, not tcp://\n");
        assertThat(run.out()).isEmpty();

        Path none = Files.writeString(tmp.resolve("none.json"), "{\"endpoints\": []}");
        Run empty = sonde("probe", "--endpoints", none.toString(), "--no-proxy-discovery");
        assertThat(empty.exit()).isEqualTo(SondeCommand.NO_INPUT);
        assertThat(empty.err()).isEqualTo("sonde: " + none + ":1:2: 'endpoints' is empty; list at least one URL to probe\n");
        assertThat(empty.out()).doesNotContain("google");
    }

    @Test
    void aZipBombGivenToRulesCheckIsOneSentence() throws Exception {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            out.putNextEntry(new ZipEntry("pack.json"));
            out.write(PACK_JSON.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("data.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                out.write(zeros);
            }
        }
        for (String command : new String[] {"check", "test"}) {
            Run run = sonde("rules", command, zip.toString());
            assertThat(run.exit()).as(command).isEqualTo(SondeCommand.NO_INPUT);
            assertThat(run.err()).as(command).isEqualTo("sonde: rule pack " + zip + ": 'data.json' is larger than 16 MiB, the most"
                    + " one file of a pack may hold\n");
        }
    }

    @Test
    void rulesSignKeepsTheArchiveCommentAndEntries() throws Exception {
        Path zip = tmp.resolve("acme.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setComment("release 1.0");
            for (String[] e : new String[][] {{"pack.json", PACK_JSON}, {"messages_en.properties", MESSAGES},
                {"acme.drl", rule("SIGNED_RULE")}}) {
                ZipEntry entry = new ZipEntry(e[0]);
                entry.setComment("entry " + e[0]);
                out.putNextEntry(entry);
                out.write(e[1].getBytes(StandardCharsets.UTF_8));
            }
        }
        Run keygen = sonde("rules", "keygen", "--out", tmp.resolve("vendor").toString());
        assertThat(keygen.exit()).as(keygen.err()).isZero();
        Run sign = sonde("rules", "sign", zip.toString(), "--key", tmp.resolve("vendor.key").toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getComment()).isEqualTo("release 1.0");
            assertThat(z.stream().map(e -> e.getName() + "|" + e.getComment()).toList()).containsExactly(
                    "pack.json|entry pack.json", "messages_en.properties|entry messages_en.properties", "acme.drl|entry acme.drl",
                    "pack.sig|null");
        }
    }

    @Test
    void trustNeverRunsARuleSwappedInAfterTheCheck() throws Exception {
        Path pack = Files.createDirectories(tmp.resolve("work/acme"));
        Files.writeString(pack.resolve("pack.json"), PACK_JSON);
        Files.writeString(pack.resolve("messages_en.properties"), MESSAGES);
        Files.writeString(pack.resolve("acme.drl"), rule("SIGNED_RULE"));
        assertThat(sonde("rules", "keygen", "--out", tmp.resolve("vendor").toString()).exit()).isZero();
        assertThat(sonde("rules", "sign", pack.toString(), "--key", tmp.resolve("vendor.key").toString()).exit()).isZero();
        Path signed = Files.writeString(tmp.resolve("work/signed.drl"), rule("SIGNED_RULE"));
        Path unsigned = Files.writeString(tmp.resolve("work/unsigned.drl"), rule("UNSIGNED_RULE"));
        Path log = Path.of("../sdk-examples/samples", "healthy");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        Thread flipper = new Thread(() -> {
            try {
                while (!stop.get()) {
                    Path next = Files.copy(flips.get() % 2 == 0 ? unsigned : signed, tmp.resolve("work/next.drl"),
                            StandardCopyOption.REPLACE_EXISTING);
                    Files.move(next, pack.resolve("acme.drl"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    flips.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        flipper.setDaemon(true);
        flipper.start();
        int ran = 0;
        try {
            for (int i = 0; i < 8; i++) {
                Run run = sonde("analyze", log.toString(), "--rules", pack.toString(), "--trust",
                        tmp.resolve("vendor.pub").toString(), "--format", "json");
                assertThat(run.out() + run.err()).doesNotContain("UNSIGNED_RULE");
                if (run.exit() == SondeCommand.NO_INPUT) {
                    assertThat(run.err()).isEqualTo("sonde: refused: rule pack " + pack + " was modified after it was signed:"
                            + " changed acme.drl; nothing of it was loaded\n");
                } else {
                    assertThat(run.out()).as(run.err()).contains("\"SIGNED_RULE\"");
                    ran++;
                }
            }
        } finally {
            stop.set(true);
            flipper.join(10_000);
        }
        assertThat(flips.get()).isGreaterThan(10);
        assertThat(ran).as("runs that met the signed rule").isPositive();
        assertThat(PackSignature.FILE).isEqualTo("pack.sig");
    }
}
