package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import dev.sonde.probes.Deadline;
import dev.sonde.SondeException;
import dev.sonde.probes.http.HttpFetch;
import dev.sonde.spi.InputFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Gets a PAC script from its {@code AutoConfigURL}, the way WinHTTP does: directly (never through a proxy),
 * over http or https, with the project's bounded fetch ({@link HttpFetch}: no credentials, the body read up to
 * {@link PacOptions#maxScriptBytes()}), following at most {@link PacOptions#maxRedirects()} redirects (to http or
 * https only), all within {@link PacOptions#fetchTimeout()}. The body is read as UTF-8 (a byte-order mark
 * dropped). A {@code file:} location is read only when {@link PacOptions#allowFile()} says so, and then only a
 * local regular file ({@link InputFiles}; no host part, so no UNC share): see there for why.
 */
public final class PacFetch {

    private static final String ACCEPT = "application/x-ns-proxy-autoconfig, application/javascript, */*";

    private PacFetch() {
    }

    /**
     * The script's text.
     *
     * @throws PacException {@code NOT_ALLOWED} (not http/https, {@code file:} not allowed, not a URL),
     *                      {@code UNREACHABLE}, {@code BAD_ANSWER} (a status other than 200, too many redirects),
     *                      {@code TOO_LARGE}
     */
    public static String fetch(String location, PacOptions options) throws PacException {
        URI uri = parse(location);
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return readFile(uri, options);
        }
        if (!web(uri)) {
            throw new PacException(PacFailureReason.NOT_ALLOWED, "not an http or https URL: " + PacResultParser.clip(location));
        }
        HttpFetch http = new HttpFetch(HttpClient.Builder.NO_PROXY, options.maxScriptBytes());
        Deadline deadline = Deadline.after(options.fetchTimeout());
        for (int redirects = 0; ; redirects++) {
            HttpFetch.Answer answer;
            try {
                answer = http.get(uri, ACCEPT, deadline);
            } catch (HttpFetch.Failure f) {
                throw failure(f);
            } catch (IllegalArgumentException e) { // a URL the HTTP client refuses (user info, a bad port)
                throw new PacException(PacFailureReason.NOT_ALLOWED, "a URL the HTTP client cannot request");
            }
            if (answer.status() == 200) {
                return text(answer.body());
            }
            if (answer.status() / 100 != 3 || answer.location().isEmpty()) {
                throw new PacException(PacFailureReason.BAD_ANSWER, "HTTP status " + answer.status());
            }
            if (redirects >= options.maxRedirects()) {
                throw new PacException(PacFailureReason.BAD_ANSWER, "more than " + options.maxRedirects() + " redirects");
            }
            uri = uri.resolve(parse(answer.location()));
            if (!web(uri)) {
                throw new PacException(PacFailureReason.NOT_ALLOWED, "redirected to a location that is not http or https");
            }
        }
    }

    private static URI parse(String location) throws PacException {
        try {
            return new URI(location.strip());
        } catch (URISyntaxException | NullPointerException e) {
            throw new PacException(PacFailureReason.NOT_ALLOWED, "not a URL: " + PacResultParser.clip(String.valueOf(location)));
        }
    }

    private static boolean web(URI uri) {
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static PacException failure(HttpFetch.Failure f) {
        return switch (f.reason()) {
            case BAD_RESPONSE -> "body too large".equals(f.getMessage())
                    ? new PacException(PacFailureReason.TOO_LARGE, "the script is larger than the limit")
                    : new PacException(PacFailureReason.BAD_ANSWER, f.getMessage());
            case TIMED_OUT -> new PacException(PacFailureReason.UNREACHABLE, "no answer in time");
            default -> new PacException(PacFailureReason.UNREACHABLE, f.getMessage());
        };
    }

    private static String readFile(URI uri, PacOptions options) throws PacException {
        if (!options.allowFile()) {
            throw new PacException(PacFailureReason.NOT_ALLOWED, "file: locations are not read unless allowed");
        }
        String authority = uri.getRawAuthority();
        if (authority != null && !authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
            throw new PacException(PacFailureReason.NOT_ALLOWED, "a file: location on another machine");
        }
        Path path;
        try {
            path = Path.of(new URI("file", null, uri.getPath(), null));
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new PacException(PacFailureReason.NOT_ALLOWED, "not a local file");
        }
        Optional<String> notRegular = InputFiles.notRegular(path);
        if (notRegular.isPresent()) {
            throw new PacException(PacFailureReason.UNREACHABLE, notRegular.get());
        }
        try {
            if (Files.size(path) > options.maxScriptBytes()) {
                throw new PacException(PacFailureReason.TOO_LARGE, "the script is larger than "
                        + InputFiles.size(options.maxScriptBytes()));
            }
            return text(InputFiles.read(path, options.maxScriptBytes(), "the PAC script"));
        } catch (IOException e) {
            throw new PacException(PacFailureReason.UNREACHABLE, InputFiles.reason(e));
        } catch (SondeException e) { // grew past the cap while read
            throw new PacException(PacFailureReason.TOO_LARGE, "the script is larger than "
                    + InputFiles.size(options.maxScriptBytes()));
        }
    }

    private static String text(byte[] body) {
        int from = body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF
                ? 3 : 0;
        return new String(body, from, body.length - from, StandardCharsets.UTF_8);
    }
}
