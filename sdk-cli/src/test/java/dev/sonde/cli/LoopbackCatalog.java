package dev.sonde.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sonde.ProbeCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A probe catalog pointing every endpoint at loopback servers, trusting only the test PKI's genuine
 * root: as a {@link ProbeCatalog} for the API, or as a JSON file for {@code --endpoints}.
 */
final class LoopbackCatalog {
    private final List<ProbeCatalog.Endpoint> endpoints = new ArrayList<>();
    private final List<ProbeCatalog.RootCertificate> anchors = new ArrayList<>();

    static LoopbackCatalog trusting(X509Certificate root) {
        LoopbackCatalog c = new LoopbackCatalog();
        c.anchors.add(new ProbeCatalog.RootCertificate("Sonde Test Root R1", sha256(root), pem(root)));
        return c;
    }

    LoopbackCatalog add(String service, String url) {
        endpoints.add(ProbeCatalog.Endpoint.of(service, url));
        return this;
    }

    ProbeCatalog catalog() {
        return new ProbeCatalog(endpoints, anchors);
    }

    Path write(Path dir) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("_about", "loopback test catalog");
        ArrayNode es = root.putArray("endpoints");
        endpoints.forEach(e -> es.addObject().put("service", e.service()).put("url", e.url()));
        ArrayNode as = root.putArray("trustAnchors");
        anchors.forEach(a -> as.addObject().put("name", a.name()).put("sha256", a.sha256()).put("pem", a.pem()));
        try {
            Path file = Files.createTempFile(dir, "catalog", ".json");
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(X509Certificate c) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
