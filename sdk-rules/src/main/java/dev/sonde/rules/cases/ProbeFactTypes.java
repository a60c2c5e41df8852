package dev.sonde.rules.cases;

import dev.sonde.facts.ClockCheck;
import dev.sonde.facts.DnsCheck;
import dev.sonde.facts.Fact;
import dev.sonde.facts.PortCheck;
import dev.sonde.facts.PacFailure;
import dev.sonde.facts.PacRoute;
import dev.sonde.facts.ProbeFamily;
import dev.sonde.facts.ProbeSkipped;
import dev.sonde.facts.ProxyCheck;
import dev.sonde.facts.ProxyEvent;
import dev.sonde.facts.ProxySetting;
import dev.sonde.facts.RevocationCheck;
import dev.sonde.facts.ServedChain;
import dev.sonde.facts.UrlCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fact types a recorded probes file holds, by the name the file gives them ({@code PortCheck} ...), with the
 * probe family each belongs to.
 */
public final class ProbeFactTypes {

    private static final Map<String, Class<? extends Fact>> TYPES = new LinkedHashMap<>();
    private static final Map<Class<? extends Fact>, ProbeFamily> FAMILY = new LinkedHashMap<>();

    static {
        add(DnsCheck.class, ProbeFamily.DNS);
        add(PortCheck.class, ProbeFamily.TCP);
        add(ServedChain.class, ProbeFamily.TLS);
        add(UrlCheck.class, ProbeFamily.HTTPS);
        add(RevocationCheck.class, ProbeFamily.REVOCATION);
        add(ClockCheck.class, ProbeFamily.CLOCK);
        add(ProxySetting.class, ProbeFamily.PROXY);
        add(ProxyCheck.class, ProbeFamily.PROXY);
        add(ProxyEvent.class, ProbeFamily.PROXY);
        add(PacRoute.class, ProbeFamily.PROXY); // the auto-config script the live probes ran (source probe:pac)
        add(PacFailure.class, ProbeFamily.PROXY);
        add(ProbeSkipped.class, null); // its own family() says
    }

    private ProbeFactTypes() {
    }

    private static void add(Class<? extends Fact> type, ProbeFamily family) {
        TYPES.put(type.getSimpleName(), type);
        FAMILY.put(type, family);
    }

    /** The names of the fact types, in the order of the live prober's families. */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /** The fact type a file names ({@code PortCheck}), or null. */
    static Class<? extends Fact> named(String name) {
        return TYPES.get(name);
    }

    /**
     * The probe family a fact belongs to, as in its source {@code probe:<family>}.
     *
     * @throws IllegalArgumentException when {@code fact} is not a probe fact (a log's {@code TlsFailure} ...)
     */
    public static ProbeFamily family(Fact fact) {
        Objects.requireNonNull(fact, "fact");
        if (fact instanceof ProbeSkipped s) {
            return s.family();
        }
        ProbeFamily family = FAMILY.get(fact.getClass());
        if (family == null) {
            throw new IllegalArgumentException(fact.getClass().getSimpleName() + " is not a probe fact (a recorded probes file "
                    + "holds " + String.join(", ", TYPES.keySet()) + ")");
        }
        return family;
    }
}
