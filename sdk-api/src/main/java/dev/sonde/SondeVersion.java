package dev.sonde;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sonde's version as the build wrote it into {@code dev/sonde/version.properties} (sdk-api's POM filters that
 * resource with the project version), so the version is never typed twice. Read once, at first use.
 */
final class SondeVersion {

    /** What {@link Sonde#version()} answers when the resource is missing or unreadable. */
    static final String UNKNOWN = "unknown";

    static final String RESOURCE = "version.properties";

    private static final Logger LOG = LoggerFactory.getLogger(SondeVersion.class);

    /** Read lazily: the holder idiom makes the first call read it, once, thread-safely. */
    private static final class Holder {
        static final String VERSION = read();
    }

    private SondeVersion() {
    }

    static String get() {
        return Holder.VERSION;
    }

    private static String read() {
        try (InputStream in = SondeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                LOG.warn("Sonde's version is unknown: dev/sonde/{} is missing from the class path "
                        + "(sdk-api was not built by Maven, or a repackaging dropped it)", RESOURCE);
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            // an unfiltered copy still holds the Maven expression: not a version
            if (v.isEmpty() || v.contains("${")) {
                LOG.warn("Sonde's version is unknown: dev/sonde/{} was not filtered by the build", RESOURCE);
                return UNKNOWN;
            }
            return v;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Sonde's version is unknown: dev/sonde/{} could not be read ({})", RESOURCE, e.toString());
            return UNKNOWN;
        }
    }
}
