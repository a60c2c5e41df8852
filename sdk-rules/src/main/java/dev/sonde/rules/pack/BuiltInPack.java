package dev.sonde.rules.pack;

import dev.sonde.SondeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Where the built-in pack lives: a folder of the class path in development, a jar entry when packaged. */
final class BuiltInPack {

    private static final Object ARCHIVE_LOCK = new Object();

    private BuiltInPack() {
    }

    /**
     * The built-in pack, read as any pack folder is (its golden cases aside: the engine never reads them), the
     * JSON files that {@code known} holds as they are taken from there.
     */
    static RulePack read(ParsedJson known) {
        return on((root, origin) -> RulePack.of(PackFiles.readTree(root, origin, false), known));
    }

    /** The built-in pack's JSON files as read (what the build stores beside its precompiled rules). */
    static ParsedJson parsedJson() {
        return on((root, origin) -> {
            PackFiles files = PackFiles.readTree(root, origin, false);
            return ParsedJson.of(files, RulePack.of(files));
        });
    }

    /** Writes the built-in pack's files into {@code target}; see {@link RulePack#exportBuiltIn}. */
    static int export(Path target) {
        return on((root, origin) -> {
            int count = 0;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException | UncheckedIOException e) {
                throw new SondeException("the built-in rule pack cannot be listed: " + e.getMessage(), e);
            }
            for (Path file : files) {
                String rel = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                Path out = target.resolve(rel.replace("/", target.getFileSystem().getSeparator()));
                try {
                    Files.createDirectories(out.getParent());
                    Files.write(out, Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new SondeException("cannot write " + out + ": " + e.getMessage(), e);
                }
                count++;
            }
            return count;
        });
    }

    /** Runs {@code action} on the built-in pack's root folder (on the file system, or inside a jar). */
    private static <T> T on(BiFunction<Path, String, T> action) {
        URL url = RulePack.class.getClassLoader().getResource(RulePack.BUILT_IN + "pack.json");
        if (url == null) {
            throw new SondeException("the built-in rule pack is missing from the class path (" + RulePack.BUILT_IN + "pack.json)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new SondeException("the built-in rule pack's location cannot be read: " + url, e);
        }
        String origin = "built-in pack (" + url + ")";
        if ("file".equals(uri.getScheme())) {
            return action.apply(Path.of(uri).getParent(), origin);
        }
        if ("jar".equals(uri.getScheme())) {
            String spec = uri.getRawSchemeSpecificPart();
            int bang = spec.indexOf("!/");
            if (bang > 0 && spec.startsWith("file:")) {
                Path jar = Path.of(URI.create(spec.substring(0, bang)));
                try (FileSystem fs = FileSystems.newFileSystem(jar, (ClassLoader) null)) {
                    return action.apply(fs.getPath("/" + RulePack.BUILT_IN), origin);
                } catch (IOException e) {
                    throw new SondeException("the built-in rule pack cannot be read from " + jar + ": " + e.getMessage(), e);
                }
            }
            synchronized (ARCHIVE_LOCK) { // a jar inside a jar: share the provider's file system
                FileSystem fs;
                boolean opened = false;
                try {
                    try {
                        fs = FileSystems.newFileSystem(uri, Map.of());
                        opened = true;
                    } catch (FileSystemAlreadyExistsException e) {
                        fs = FileSystems.getFileSystem(uri);
                    }
                    try {
                        return action.apply(fs.provider().getPath(uri).getParent(), origin);
                    } finally {
                        if (opened) {
                            fs.close();
                        }
                    }
                } catch (IOException e) {
                    throw new SondeException("the built-in rule pack cannot be read from " + url + ": " + e.getMessage(), e);
                }
            }
        }
        throw new SondeException("the built-in rule pack cannot be read from " + url + " (unsupported location)");
    }
}
