package dev.sonde.rules.model;

import dev.sonde.facts.Certificate;
import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.Destination;
import dev.sonde.facts.NetworkError;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.UrlCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Language-neutral parameter values for rule consequences: ISO-8601 offsets, Windows error names,
 * addresses. Wording lives in the message bundle, which formats these ({@code {offset,duration}}).
 */
public final class Values {

    /** Value of the {@code clock} parameter when the machine's clock is ahead of true time. */
    public static final String AHEAD = "ahead";
    /** Value of the {@code clock} parameter when the machine's clock is behind true time. */
    public static final String BEHIND = "behind";

    private Values() {
    }

    /**
     * How far outside its validity window a certificate was seen, in ISO-8601: a period
     * ({@code P4Y9M14D}) from one day up, else a duration ({@code PT5H30M}); {@code ""} when inside.
     */
    public static String offset(Certificate c) {
        if (c.observedAfterValidity()) {
            return between(c.notAfter(), c.time().instant());
        }
        if (c.observedBeforeValidity()) {
            return between(c.time().instant(), c.notBefore());
        }
        return "";
    }

    /** {@value #AHEAD} when the line's time is after the validity window, {@value #BEHIND} when before, else {@code ""}. */
    public static String clock(Certificate c) {
        if (c.observedAfterValidity()) {
            return AHEAD;
        }
        return c.observedBeforeValidity() ? BEHIND : "";
    }

    /** How far this computer's clock is from the server's, in ISO-8601 ({@code PT72H}), whichever way. */
    public static String offset(ClockCheck c) {
        return Duration.ofSeconds(Math.abs(c.offsetSeconds())).toString();
    }

    /** How far the probe's clock was outside the served leaf's validity, in ISO-8601 ({@code PT72H}); {@code PT0S} inside. */
    public static String offset(ServedChain c) {
        return Duration.ofSeconds(c.outsideValidityBy().getSeconds()).toString();
    }

    /** The HTTP status an allow-listed URL answered with, or {@code ""} when no answer came. */
    public static String httpStatus(UrlCheck u) {
        return u.httpStatus() > 0 ? Integer.toString(u.httpStatus()) : "";
    }

    /** An ISO-8601 period or duration from {@code from} to {@code to} (both orders give the same). */
    public static String between(Instant from, Instant to) {
        Instant a = from.isBefore(to) ? from : to;
        Instant b = from.isBefore(to) ? to : from;
        LocalDateTime la = LocalDateTime.ofInstant(a, ZoneOffset.UTC);
        LocalDateTime lb = LocalDateTime.ofInstant(b, ZoneOffset.UTC);
        LocalDate end = lb.toLocalDate();
        if (lb.toLocalTime().isBefore(la.toLocalTime())) {
            end = end.minusDays(1); // not a full day on the last date
        }
        Period p = end.isAfter(la.toLocalDate()) ? Period.between(la.toLocalDate(), end) : Period.ZERO;
        if (p.toTotalMonths() > 0 || p.getDays() > 0) {
            return p.toString();
        }
        Duration d = Duration.between(a, b).withNanos(0);
        return d.toString();
    }

    /** A network error as Windows names it, with its HRESULT: {@code ERROR_WINHTTP_TIMEOUT (0x80072EE2)}. */
    public static String code(NetworkError e) {
        return e.code().windowsName() + " (" + e.code().hresult() + ")";
    }

    /** The subject names of these certificates, in evidence order. */
    public static List<String> subjects(Collection<?> certificates) {
        List<String> out = new ArrayList<>();
        for (Object o : ordered(certificates)) {
            if (o instanceof Certificate c) {
                out.add(c.subjectName());
            }
        }
        return out;
    }

    /** The issuer names of these certificates, in evidence order. */
    public static List<String> issuers(Collection<?> certificates) {
        List<String> out = new ArrayList<>();
        for (Object o : ordered(certificates)) {
            if (o instanceof Certificate c) {
                out.add(c.issuerName());
            }
        }
        return out;
    }

    /** {@link #code(NetworkError)} of each network error, in evidence order. */
    public static List<String> codes(Collection<?> errors) {
        List<String> out = new ArrayList<>();
        for (Object o : ordered(errors)) {
            if (o instanceof NetworkError e) {
                out.add(code(e));
            }
        }
        return out;
    }

    /** {@code 216.58.194.170:443 (sfo07s13-in-f170.1e100.net)}, or the address alone when no name was logged. */
    public static String destination(Destination d) {
        return d.hostName().isBlank() ? d.address() : d.address() + " (" + d.hostName() + ")";
    }

    /** {@link #destination(Destination)} of each, in evidence order. */
    public static List<String> destinations(Collection<?> destinations) {
        List<String> out = new ArrayList<>();
        for (Object o : ordered(destinations)) {
            if (o instanceof Destination d) {
                out.add(destination(d));
            }
        }
        return out;
    }

    /** The addresses ({@code ip:port}) of those destinations that are on this machine (loopback). */
    public static List<String> loopbackAddresses(Collection<?> destinations) {
        List<String> out = new ArrayList<>();
        for (Object o : ordered(destinations)) {
            if (o instanceof Destination d && d.loopback()) {
                out.add(d.address());
            }
        }
        return out;
    }

    /** The products among these interceptors or web filters, each once, sorted. */
    public static List<String> products(Collection<?> interceptors) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Object o : interceptors) {
            if (o instanceof Interceptor i) {
                out.add(i.product());
            } else if (o instanceof WebFilter w) {
                out.add(w.product());
            }
        }
        return new ArrayList<>(out);
    }

    /** The hosts of these endpoints, each once, sorted (collections from the engine have no set order). */
    public static List<String> hosts(Collection<?> endpoints) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Object o : endpoints) {
            if (o instanceof AllowedUrl e) {
                out.add(e.host());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Facts in evidence order (file, line), whatever order the engine collected them in, so that a
     * parameter listing several does not depend on the order facts arrived.
     */
    static List<Object> ordered(Collection<?> facts) {
        List<Object> out = new ArrayList<>(facts);
        out.sort((a, b) -> {
            if (a instanceof dev.sonde.facts.Fact fa && b instanceof dev.sonde.facts.Fact fb) {
                int c = fa.source().compareTo(fb.source());
                return c != 0 ? c : a.toString().compareTo(b.toString());
            }
            return a.toString().compareTo(b.toString());
        });
        return out;
    }
}
