package dev.sonde.facts;

import dev.sonde.Evidence;
import java.util.Objects;

/**
 * A logged answer from a server: a request that got an HTTP status back ({@code HTTP status 200},
 * {@code HTTP/1.1 204 No Content}), or that the client says succeeded ({@code Request to https://... succeeded},
 * {@code Fetched token from https://oauth2.googleapis.com/token}). It is how a log says that the network path
 * to a host worked at that time, so that a failure can be told ongoing from resolved ({@link #success()}).
 *
 * <p>Which answers prove the path works ({@link #provesPath(int)}): any 2xx and 3xx; 401 (the server asked for
 * credentials: the network is fine, the sign-in is another matter) and 404 (the server looked the path up).
 * Not 403, 451 or 511: a filtering proxy answers with those, and a log line does not say whose answer it is; not
 * 407, which only a proxy sends ({@link ProxyEvent}); not 5xx, which a proxy also sends for a server it could not
 * reach (502, 504). A success the log states without a status ({@code succeeded}, {@code Fetched token}) has
 * status 0 and proves the path.
 *
 * @param host    the host the request went to (from its URL or the line), lower case, or {@code ""}
 * @param url     the URL requested, secrets removed ({@code dev.sonde.spi.Redaction}), or {@code ""}
 * @param address the IP literal the connection went to when the record names it, else {@code ""}
 * @param port    the port (the URL's, 443 for {@code https}, 80 for {@code http}), or 0 when unknown
 * @param status  the HTTP status, or 0 when the log states a success without one
 */
public record ServerAnswer(String host, String url, String address, int port, int status, LogTime time, String thread,
        Evidence source) implements Fact {

    public ServerAnswer {
        host = Objects.requireNonNullElse(host, "");
        url = Objects.requireNonNullElse(url, "");
        address = Objects.requireNonNullElse(address, "");
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /**
     * True when an answer with this HTTP status shows that the network path to the server works: 2xx, 3xx, 401
     * and 404, and 0 (a success stated without a status). See the class comment for why the others do not.
     */
    public static boolean provesPath(int status) {
        return status == 0 || (status >= 200 && status < 400) || status == 401 || status == 404;
    }

    /** True when the answer proves the network path works ({@link #provesPath(int)}). */
    @Override
    public boolean success() {
        return provesPath(status);
    }
}
