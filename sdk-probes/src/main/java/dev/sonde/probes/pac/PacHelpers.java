package dev.sonde.probes.pac;

import dev.sonde.facts.PacFailureReason;
import dev.sonde.probes.Deadline;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;

/**
 * The standard PAC helpers about hosts and addresses, in Java: {@code isPlainHostName}, {@code dnsDomainIs},
 * {@code localHostOrDomainIs}, {@code dnsDomainLevels}, {@code shExpMatch}, {@code isResolvable},
 * {@code dnsResolve}, {@code isInNet}, {@code myIpAddress}, {@code convert_addr}, {@code alert} (ignored), and
 * Microsoft's IPv6-aware ones: {@code isResolvableEx}, {@code dnsResolveEx}, {@code isInNetEx},
 * {@code myIpAddressEx} (lists joined with {@code ;}). DNS goes through {@link PacDns}; this machine's
 * addresses come from {@link PacOptions#localAddresses()}. Each is a plain JavaScript function object: no Java
 * object is ever handed to the script. Arguments are converted as JavaScript does; a string argument over
 * {@value #MAX_ARGUMENT} characters, or a {@code shExpMatch} that could take over {@value #MAX_GLOB_STEPS}
 * steps, stops the script ({@code EXHAUSTED}): no host name or pattern is that long.
 */
final class PacHelpers {

    /** Longest string argument a helper accepts. */
    static final int MAX_ARGUMENT = 64 * 1024;
    /** Most steps one {@code shExpMatch} may take ({@link ShellGlob}: text length times pattern length). */
    static final long MAX_GLOB_STEPS = 1L << 24;

    private final PacDns dns;
    private final PacOptions options;
    private List<InetAddress> local;

    private PacHelpers(PacOptions options) {
        this.dns = new PacDns(options);
        this.options = options;
    }

    static void install(ScriptableObject scope, PacOptions options) {
        new PacHelpers(options).installAll(scope);
    }

    private void installAll(ScriptableObject scope) {
        define(scope, "isPlainHostName", 1, (cx, s, t, a) -> str(a, 0).indexOf('.') < 0);
        define(scope, "dnsDomainIs", 2, (cx, s, t, a) -> lower(str(a, 0)).endsWith(lower(str(a, 1))));
        define(scope, "localHostOrDomainIs", 2, (cx, s, t, a) -> localHostOrDomainIs(lower(str(a, 0)), lower(str(a, 1))));
        define(scope, "dnsDomainLevels", 1, (cx, s, t, a) -> (int) str(a, 0).chars().filter(c -> c == '.').count());
        define(scope, "shExpMatch", 2, (cx, s, t, a) -> shExpMatch(cx, str(a, 0), str(a, 1)));
        define(scope, "isResolvable", 1, (cx, s, t, a) -> dns.ipv4(str(a, 0), deadline(cx)).isPresent());
        define(scope, "isResolvableEx", 1, (cx, s, t, a) -> !dns.resolve(str(a, 0), deadline(cx)).isEmpty());
        define(scope, "dnsResolve", 1, (cx, s, t, a) -> dns.ipv4(str(a, 0), deadline(cx)).map(InetAddress::getHostAddress).orElse(null));
        define(scope, "dnsResolveEx", 1, (cx, s, t, a) -> joined(dns.resolve(str(a, 0), deadline(cx))));
        define(scope, "isInNet", 3, (cx, s, t, a) -> isInNet(cx, str(a, 0), str(a, 1), str(a, 2)));
        define(scope, "isInNetEx", 2, (cx, s, t, a) -> dns.resolve(str(a, 0), deadline(cx)).stream()
                .anyMatch(addr -> IpMatch.inPrefix(addr, str(a, 1))));
        define(scope, "myIpAddress", 0, (cx, s, t, a) -> myIpAddress());
        define(scope, "myIpAddressEx", 0, (cx, s, t, a) -> joined(local()));
        define(scope, "convert_addr", 1, (cx, s, t, a) -> IpMatch.ipv4(str(a, 0)).map(IpMatch::toLong).map(Long::doubleValue)
                .orElse(0d));
        define(scope, "alert", 1, (cx, s, t, a) -> Context.getUndefinedValue());
    }

    static void define(ScriptableObject scope, String name, int arity, SerializableCallable body) {
        scope.defineProperty(name, new LambdaFunction(scope, name, arity, body), ScriptableObject.DONTENUM);
    }

    /** Argument {@code i} as a JavaScript string ({@code "undefined"} when missing), refused when huge. */
    static String str(Object[] args, int i) {
        Object v = i < args.length ? args[i] : Context.getUndefinedValue();
        if (v instanceof CharSequence cs && cs.length() > MAX_ARGUMENT) {
            throw new SandboxStop(PacFailureReason.EXHAUSTED, "a helper was given " + cs.length() + " characters");
        }
        String text = Context.toString(v);
        if (text.length() > MAX_ARGUMENT) {
            throw new SandboxStop(PacFailureReason.EXHAUSTED, "a helper was given " + text.length() + " characters");
        }
        return text;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Deadline deadline(Context cx) {
        return ((SandboxFactory.Bounded) cx).deadline();
    }

    private static boolean localHostOrDomainIs(String host, String hostdom) {
        return host.equals(hostdom) || host.indexOf('.') < 0 && hostdom.startsWith(host + ".");
    }

    private static boolean shExpMatch(Context cx, String text, String pattern) {
        // the walk takes up to text x pattern steps: refuse a pair that could take long, charge the rest so
        // that the deadline check keeps running
        long steps = (long) text.length() * Math.max(1, pattern.length());
        if (steps > MAX_GLOB_STEPS) {
            throw new SandboxStop(PacFailureReason.EXHAUSTED, "shExpMatch on " + text.length() + " x "
                    + pattern.length() + " characters");
        }
        ScriptRuntime.addInstructionCount(cx, (int) (steps / 16 + 1));
        return ShellGlob.matches(text, pattern);
    }

    private boolean isInNet(Context cx, String host, String pattern, String mask) {
        Optional<Inet4Address> address = IpMatch.ipv4(host)
                .or(() -> dns.ipv4(host, deadline(cx)).map(Inet4Address.class::cast));
        return address.isPresent() && IpMatch.inNet(address.get(), pattern, mask);
    }

    private List<InetAddress> local() {
        if (local == null) {
            List<InetAddress> found = options.localAddresses().get();
            local = found == null || found.isEmpty() ? List.of(InetAddress.getLoopbackAddress()) : List.copyOf(found);
        }
        return local;
    }

    private String myIpAddress() {
        return local().stream().filter(a -> a.getAddress().length == 4).findFirst().orElse(local().get(0)).getHostAddress();
    }

    private static String joined(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(";"));
    }
}
