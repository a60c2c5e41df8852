package dev.sonde.rules.cache;

import dev.sonde.rules.pack.DrlOutline;
import dev.sonde.rules.pack.PackDigest;
import dev.sonde.rules.pack.RulePack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.drools.base.util.Drools;

/**
 * The name of a compile cache entry: the SHA-256 of everything the compiled rules depend on: the DRL files
 * (their {@link PackDigest.Selection#DRL} digest), the classes they import (the jar or class files holding them), Sonde's own classes, the
 * Drools version, the Java feature version and the compiler's options. Any change to one of them is a different
 * key, so an entry is never stale.
 */
public final class CacheKey {

    private static final Map<String, byte[]> LOCATION_HASHES = new ConcurrentHashMap<>();

    private CacheKey() {
    }

    /**
     * The key of a pack: SHA-256 hex over the format, the Java and Drools versions, Sonde's classes, the
     * DRL files and the classes they import.
     */
    public static String of(RulePack pack, ClassLoader loader, Properties options) {
        MessageDigest md = sha256();
        update(md, CompileCache.FORMAT);
        update(md, "java " + Runtime.version().feature());
        update(md, "drools " + Drools.getFullVersion());
        update(md, new TreeSet<>(options.stringPropertyNames()).stream()
                .map(k -> k + "=" + options.getProperty(k)).toList().toString());
        md.update(locationHash(CacheKey.class.getResource("CacheKey.class"), "dev/sonde/rules/cache/CacheKey.class"));
        md.update(locationHash(dev.sonde.Finding.class.getResource("Finding.class"), "dev/sonde/Finding.class"));
        update(md, PackDigest.drl(pack));
        Set<String> imports = new TreeSet<>();
        pack.drl().keySet().forEach(path -> imports.addAll(pack.outline(path).imports()));
        for (String name : imports) {
            update(md, name);
            md.update(importHash(name, loader));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The names a DRL imports, as Drools' parser reads them: {@code a.b.C}, {@code a.b.*}, {@code a.b.C.method}. */
    static List<String> imports(String drl) {
        return DrlOutline.of(drl).imports();
    }

    /** The hash of the code holding an imported class or package; Java's own classes count by Java version. */
    private static byte[] importHash(String name, ClassLoader loader) {
        String path = name.endsWith(".*") ? name.substring(0, name.length() - 2).replace('.', '/')
                : name.replace('.', '/') + ".class";
        URL url = loader.getResource(path);
        while (url == null && path.contains("/")) { // a nested class, or a static member: try the outer name
            String outer = path.endsWith(".class") ? path.substring(0, path.length() - 6) : path;
            outer = outer.substring(0, outer.lastIndexOf('/'));
            path = outer + ".class";
            url = loader.getResource(path);
            if (url == null) {
                path = outer;
                url = loader.getResource(outer);
            }
        }
        return url == null ? new byte[0] : locationHash(url, path);
    }

    /** The hash of the jar or class folder holding the resource {@code path} found at {@code url}. */
    private static byte[] locationHash(URL url, String path) {
        if (url == null) {
            return new byte[0];
        }
        String s = url.toString();
        if (s.startsWith("jrt:")) {
            return new byte[0]; // the JDK: the Java version is part of the key
        }
        String location;
        if (s.startsWith("jar:")) {
            int bang = s.indexOf("!/");
            location = bang > 0 ? s.substring(4, bang) : s;
        } else if (s.endsWith(path)) {
            location = s.substring(0, s.length() - path.length());
        } else {
            location = s;
        }
        return LOCATION_HASHES.computeIfAbsent(location, CacheKey::hashLocation);
    }

    private static byte[] hashLocation(String location) {
        MessageDigest md = sha256();
        update(md, location);
        try {
            if (!location.startsWith("file:")) {
                return md.digest();
            }
            Path p = Path.of(URI.create(location));
            if (Files.isRegularFile(p)) {
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
            } else if (Files.isDirectory(p)) { // a class folder (development, tests): its classes
                List<Path> classes;
                try (Stream<Path> walk = Files.walk(p)) {
                    classes = walk.filter(f -> f.toString().endsWith(".class")).sorted().toList();
                }
                for (Path c : classes) {
                    update(md, p.relativize(c).toString());
                    md.update(Files.readAllBytes(c));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            update(md, "unreadable " + System.nanoTime()); // cannot tell what it holds: never reuse an entry
        }
        return md.digest();
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(java.nio.ByteBuffer.allocate(4).putInt(b.length).array()); // length-prefixed: no ambiguity
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
