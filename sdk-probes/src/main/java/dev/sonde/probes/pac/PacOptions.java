package dev.sonde.probes.pac;

import dev.sonde.probes.dns.HostResolver;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The bounds and the outside world of a PAC evaluation: how long, how much, and what the DNS helpers, the
 * {@code myIpAddress} helpers and the time helpers see. {@link #defaults()} suits a live run; tests replace the
 * resolver, the local addresses and the clock. Immutable; {@link Builder#build()} refuses a bad setting by name.
 *
 * <p>Defaults: 2 s per evaluation (the script's top level, or one {@code FindProxyForURL} call), 10 s for all
 * evaluations of one script, 20 million interpreter instructions per evaluation, 1000 nested calls, a 1 MiB
 * script, a 1000-character answer, strings of at most 1 Mi characters and arrays of at most 100 000 elements
 * in the built-ins that allocate at once, 1 s per DNS lookup and at most 32 lookups per script; the script
 * fetched within 5 s following at most 3 redirects, over http or https only ({@code file:} refused unless
 * {@link Builder#allowFile(boolean)}).
 */
public final class PacOptions {

    private final Duration evaluationTimeout;
    private final Duration totalTimeout;
    private final long instructionBudget;
    private final int maxStackDepth;
    private final int maxScriptBytes;
    private final int maxResultChars;
    private final int maxStringChars;
    private final int maxArrayLength;
    private final Duration dnsTimeout;
    private final int maxDnsLookups;
    private final Duration fetchTimeout;
    private final int maxRedirects;
    private final boolean allowFile;
    private final HostResolver resolver;
    private final Supplier<List<InetAddress>> localAddresses;
    private final Clock clock;
    private final ZoneId zone;

    private PacOptions(Builder b) {
        this.evaluationTimeout = b.evaluationTimeout;
        this.totalTimeout = b.totalTimeout;
        this.instructionBudget = b.instructionBudget;
        this.maxStackDepth = b.maxStackDepth;
        this.maxScriptBytes = b.maxScriptBytes;
        this.maxResultChars = b.maxResultChars;
        this.maxStringChars = b.maxStringChars;
        this.maxArrayLength = b.maxArrayLength;
        this.dnsTimeout = b.dnsTimeout;
        this.maxDnsLookups = b.maxDnsLookups;
        this.fetchTimeout = b.fetchTimeout;
        this.maxRedirects = b.maxRedirects;
        this.allowFile = b.allowFile;
        this.resolver = b.resolver;
        this.localAddresses = b.localAddresses;
        this.clock = b.clock;
        this.zone = b.zone;
    }

    /** The defaults: the JVM's resolver, this machine's addresses, the system clock and zone. */
    public static PacOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.evaluationTimeout = evaluationTimeout;
        b.totalTimeout = totalTimeout;
        b.instructionBudget = instructionBudget;
        b.maxStackDepth = maxStackDepth;
        b.maxScriptBytes = maxScriptBytes;
        b.maxResultChars = maxResultChars;
        b.maxStringChars = maxStringChars;
        b.maxArrayLength = maxArrayLength;
        b.dnsTimeout = dnsTimeout;
        b.maxDnsLookups = maxDnsLookups;
        b.fetchTimeout = fetchTimeout;
        b.maxRedirects = maxRedirects;
        b.allowFile = allowFile;
        b.resolver = resolver;
        b.localAddresses = localAddresses;
        b.clock = clock;
        b.zone = zone;
        return b;
    }

    public Duration evaluationTimeout() {
        return evaluationTimeout;
    }

    public Duration totalTimeout() {
        return totalTimeout;
    }

    public long instructionBudget() {
        return instructionBudget;
    }

    public int maxStackDepth() {
        return maxStackDepth;
    }

    public int maxScriptBytes() {
        return maxScriptBytes;
    }

    public int maxResultChars() {
        return maxResultChars;
    }

    public int maxStringChars() {
        return maxStringChars;
    }

    public int maxArrayLength() {
        return maxArrayLength;
    }

    public Duration dnsTimeout() {
        return dnsTimeout;
    }

    public int maxDnsLookups() {
        return maxDnsLookups;
    }

    public Duration fetchTimeout() {
        return fetchTimeout;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    public boolean allowFile() {
        return allowFile;
    }

    public HostResolver resolver() {
        return resolver;
    }

    public Supplier<List<InetAddress>> localAddresses() {
        return localAddresses;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Settings for {@link PacOptions}; each setter checks its value at once. */
    public static final class Builder {
        private Duration evaluationTimeout = Duration.ofSeconds(2);
        private Duration totalTimeout = Duration.ofSeconds(10);
        private long instructionBudget = 20_000_000;
        private int maxStackDepth = 1000;
        private int maxScriptBytes = 1 << 20;
        private int maxResultChars = 1000;
        private int maxStringChars = 1 << 20;
        private int maxArrayLength = 100_000;
        private Duration dnsTimeout = Duration.ofSeconds(1);
        private int maxDnsLookups = 32;
        private Duration fetchTimeout = Duration.ofSeconds(5);
        private int maxRedirects = 3;
        private boolean allowFile;
        private HostResolver resolver = HostResolver.system();
        private Supplier<List<InetAddress>> localAddresses = LocalAddresses::find;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneId.systemDefault();

        private Builder() {
        }

        /** Longest one evaluation may run: the script's top level, or one call of its function. */
        public Builder evaluationTimeout(Duration d) {
            evaluationTimeout = positive(d, "evaluationTimeout");
            return this;
        }

        /** Longest all evaluations of one script may run together. */
        public Builder totalTimeout(Duration d) {
            totalTimeout = positive(d, "totalTimeout");
            return this;
        }

        /** Interpreter instructions one evaluation may execute (checked every 10 000). */
        public Builder instructionBudget(long n) {
            instructionBudget = atLeast(n, 10_000, "instructionBudget");
            return this;
        }

        /** Deepest nesting of JavaScript calls. */
        public Builder maxStackDepth(int n) {
            maxStackDepth = (int) atLeast(n, 16, "maxStackDepth");
            return this;
        }

        /** Largest script, in bytes as fetched (or UTF-8 bytes for a saved script). */
        public Builder maxScriptBytes(int n) {
            maxScriptBytes = (int) atLeast(n, 1, "maxScriptBytes");
            return this;
        }

        /** Longest answer a script may give, in characters. */
        public Builder maxResultChars(int n) {
            maxResultChars = (int) atLeast(n, 16, "maxResultChars");
            return this;
        }

        /** Longest string the allocating built-ins ({@code repeat}, {@code padStart} ...) may make or read. */
        public Builder maxStringChars(int n) {
            maxStringChars = (int) atLeast(n, 1024, "maxStringChars");
            return this;
        }

        /** Longest array (or array-like) the array built-ins and {@code apply} accept. */
        public Builder maxArrayLength(int n) {
            maxArrayLength = (int) atLeast(n, 1024, "maxArrayLength");
            return this;
        }

        /** Longest one DNS lookup of {@code dnsResolve}, {@code isResolvable}, {@code isInNet} may take. */
        public Builder dnsTimeout(Duration d) {
            dnsTimeout = positive(d, "dnsTimeout");
            return this;
        }

        /** Most distinct DNS lookups one script may make (answers are remembered). */
        public Builder maxDnsLookups(int n) {
            maxDnsLookups = (int) atLeast(n, 0, "maxDnsLookups");
            return this;
        }

        /** Longest the script's download may take. */
        public Builder fetchTimeout(Duration d) {
            fetchTimeout = positive(d, "fetchTimeout");
            return this;
        }

        /** Most redirects followed when fetching the script. */
        public Builder maxRedirects(int n) {
            maxRedirects = (int) atLeast(n, 0, "maxRedirects");
            return this;
        }

        /**
         * Whether a {@code file:} script location may be read (default no). An {@code AutoConfigURL} comes from
         * the machine being diagnosed, maybe from a support bundle made elsewhere: read blindly, it would make
         * Sonde open any local file (and quote it in an error), or on Windows reach a remote share by a UNC path.
         * Allow it only when diagnosing this machine's own configuration.
         */
        public Builder allowFile(boolean allow) {
            allowFile = allow;
            return this;
        }

        /** What the DNS helpers resolve through. */
        public Builder resolver(HostResolver r) {
            resolver = Objects.requireNonNull(r, "resolver");
            return this;
        }

        /** This machine's addresses, for {@code myIpAddress} (the first IPv4 one) and {@code myIpAddressEx}. */
        public Builder localAddresses(Supplier<List<InetAddress>> s) {
            localAddresses = Objects.requireNonNull(s, "localAddresses");
            return this;
        }

        /** The clock and local zone of {@code weekdayRange}, {@code dateRange}, {@code timeRange}. */
        public Builder clock(Clock c, ZoneId z) {
            clock = Objects.requireNonNull(c, "clock");
            zone = Objects.requireNonNull(z, "zone");
            return this;
        }

        public PacOptions build() {
            if (totalTimeout.compareTo(evaluationTimeout) < 0) {
                throw new IllegalArgumentException("totalTimeout (" + totalTimeout
                        + ") must not be shorter than evaluationTimeout (" + evaluationTimeout + ")");
            }
            return new PacOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }

        private static long atLeast(long n, long min, String name) {
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", was " + n);
            }
            return n;
        }
    }
}
