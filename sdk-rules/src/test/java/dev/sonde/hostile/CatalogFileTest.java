package dev.sonde.hostile;

import dev.sonde.ProbeCatalog;
import dev.sonde.SondeException;
import dev.sonde.rules.engine.DroolsRuleEngine;
import dev.sonde.rules.pack.RulePack;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 8, §5 and §1 for endpoint catalogs ({@code --endpoints FILE}, {@code Sonde.Builder.endpoints}): read only
 * when a regular file and within a size cap; an unknown URL scheme, an unknown field, malformed JSON are refused with
 * the file, line and column in plain words; a catalog without endpoints is an error, never Google's catalog instead.
 */
class CatalogFileTest {

    static DroolsRuleEngine engine;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileTheBuiltInPack() {
        engine = DroolsRuleEngine.compile(RulePack.builtIn());
    }

    private Path catalog(String json) throws Exception {
        return Files.writeString(tmp.resolve("lab.json"), json);
    }

    private String refusal(String json) throws Exception {
        Path file = catalog(json);
        try {
            engine.readProbeCatalog(file);
        } catch (SondeException e) {
            assertThat(e.getMessage()).as("no Java class name").doesNotContain("dev.sonde", "java.", "class ", "Exception", "`")
                    .doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aLabCatalogReplacesGooglesAndKeepsThePacksAnchorsWhenItHasNone() throws Exception {
        ProbeCatalog lab = engine.readProbeCatalog(catalog("{\"endpoints\": [{\"service\": \"mail\", \"url\": \"https://127.0.0.1:8443/\"}]}"));
        assertThat(lab.hosts()).containsExactly("127.0.0.1");
        assertThat(lab.trustAnchors()).isEqualTo(engine.probeCatalog().trustAnchors());
    }

    @Test
    void schemesOtherThanHttpAndHttpsAreRefusedWithFileAndLine() throws Exception {
        for (String scheme : new String[] {"tcp", "ftp", "file", "ldap"}) {
            String m = refusal("{\n  \"endpoints\": [\n    {\"service\": \"mail\", \"url\": \"https://127.0.0.1/\"},\n"
                    + "    {\"service\": \"x\", \"url\": \"" + scheme + "://user:secret@10.0.0.1:25/\"}\n  ]\n}\n");
            assertThat(m).isEqualTo(tmp.resolve("lab.json") + ":4:5: endpoints[1]: 'url' must be an http:// or https:// URL, not "
                    + scheme + "://").doesNotContain("secret");
        }
    }

    @Test
    void noEndpointsIsAnErrorNeverGooglesCatalog() throws Exception {
        Path file = tmp.resolve("lab.json");
        assertThat(refusal("{\"endpoints\": []}")).isEqualTo(file + ":1:2: 'endpoints' is empty; list at least one URL to probe");
        assertThat(refusal("{\"_about\": \"lab\"}")).isEqualTo(file + ": no 'endpoints' section; an endpoint catalog must list"
                + " the URLs to probe (the built-in catalog is not used in its place)");
        assertThat(refusal("{\"trustAnchors\": []}")).startsWith(file + ": no 'endpoints' section");
        assertThat(refusal("{}")).startsWith(file + ": no 'endpoints' section");
        assertThat(refusal("")).isEqualTo(file + ": the file is empty: expected an object of sections such as {\"interceptors\": [...]}");
        assertThat(refusal("{\"endpoints\": [{\"service\": \"mail\", \"url\": \"https://127.0.0.1/\"}],\n \"interceptors\": []}"))
                .isEqualTo(file + ":2:2: section 'interceptors' does not belong in an endpoint catalog (only endpoints and trustAnchors do)");
    }

    @Test
    void unknownFieldsWrongValuesAndBrokenJsonAreSaidInWordsAtTheirPlace() throws Exception {
        Path file = tmp.resolve("lab.json");
        assertThat(refusal("{\"endpoints\": [\n  {\"service\": \"mail\", \"colour\": \"red\", \"url\": \"https://h/\"}]}"))
                .isEqualTo(file + ":2:3: endpoints[0]: unknown field \"colour\" (known: host, port, scheme, service, url)");
        assertThat(refusal("{\"endpoints\": [\n  {\"service\": \"mail\", \"url\": \"https://h/\", \"port\": \"x\"}]}"))
                .isEqualTo(file + ":2:52: endpoints[0]: 'port' must be a whole number");
        assertThat(refusal("{\"endpoints\": [\n  {\"service\": \"mail\" \"url\": \"https://h/\"}]}"))
                .isEqualTo(file + ":2:22: not valid JSON: unexpected character ('\"'): was expecting comma to separate Object entries");
        assertThat(refusal("{\"endpoints\": [\n  {\"service\": \"mail\", \"url\": \"https://h/\"}]"))
                .startsWith(file + ":2:").contains("not valid JSON: unexpected end-of-input");
        assertThat(refusal("{\"endpoints\": [{\"service\": \"a\", \"url\": \"https://h/\"}],\n \"endpoints\": []}"))
                .isEqualTo(file + ":2:13: not valid JSON: duplicate field 'endpoints'");
        assertThat(refusal("{\"endpointz\": []}")).isEqualTo(file + ":1:2: unknown section 'endpointz' (known: blockAnswers, clientPrograms,"
                + " endpoints, explains, googleHosts, googleIpRanges, googleIssuers, googleServers, interceptors, minimumVersions,"
                + " networkErrors, trustAnchors, webFilters)");
        assertThat(refusal("{\"endpoints\": [{\"url\": \"https://h/\"}]}")).isEqualTo(file + ":1:16: endpoints[0]: 'service' is missing");
    }

    @Test
    void specialFilesAndHugeFilesAreNotRead() throws Exception {
        Path zero = HostilePacks.devZero(tmp.resolve("endpoints.json"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> engine.readProbeCatalog(zero))
                .isInstanceOf(SondeException.class)
                .hasMessage("the endpoint catalog " + zero + " cannot be read: it is a character device, not a regular file"));
        Path pipe = HostilePacks.fifo(tmp.resolve("pipe.json"));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> engine.readProbeCatalog(pipe))
                .hasMessage("the endpoint catalog " + pipe + " cannot be read: it is a named pipe (FIFO), not a regular file"));
        Path huge = tmp.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength((1 << 20) + 1);
        }
        assertThatThrownBy(() -> engine.readProbeCatalog(huge))
                .hasMessage("the endpoint catalog " + huge + " is larger than 1 MiB; it was not read");
    }
}
