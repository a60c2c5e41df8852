package dev.sonde;

import dev.sonde.spi.LogReader;
import dev.sonde.spi.Prober;
import dev.sonde.spi.RuleEngineFactory;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The implementations {@link Sonde} finds on the class path with {@link ServiceLoader}, so that the API depends on
 * none of them: the rule engine ({@code sdk-rules}), the log reader ({@code sdk-logs}), the prober
 * ({@code sdk-probes}, optional).
 */
final class Services {

    private Services() {
    }

    /** The rule engine factory; it compiles the packs at build and on every reload. */
    static RuleEngineFactory ruleEngineFactory() {
        return load(RuleEngineFactory.class).orElseThrow(() -> new SondeException(
                "no Sonde rule engine on the class path: add the dev.sonde:sdk-rules dependency"));
    }

    static LogReader logReader() {
        return load(LogReader.class).orElseThrow(() -> new SondeException(
                "no Sonde log reader on the class path: add the dev.sonde:sdk-logs dependency"));
    }

    /** Empty when no prober is on the class path (a log-only embedder). */
    static Optional<Prober> prober() {
        return load(Prober.class);
    }

    private static <T> Optional<T> load(Class<T> type) {
        return ServiceLoader.load(type, Sonde.class.getClassLoader()).findFirst();
    }
}
