package dev.sonde.testkit;

import dev.sonde.Sonde;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a built {@link Sonde} into test methods, constructors and lifecycle methods that take one. Building a
 * {@code Sonde} compiles its rule packs, which costs seconds; so one is built per configuration ({@link SondeConfig}:
 * packs and locale) and shared by every test class of the run, then closed when the run ends. A {@code Sonde} is
 * thread-safe, so tests running in parallel may share it.
 *
 * <p>A pack that does not compile fails each test that asks for it, with Sonde's message naming the file and line.
 * Needs JUnit 5.13 or later (shared values are closed as {@link AutoCloseable}s).
 */
public final class SondeExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SondeExtension.class);

    /** What makes two {@code Sonde}s interchangeable: the packs (absolute, normalized) and the locale. */
    record Key(List<Path> rulePacks, Locale locale) {
        static Key of(SondeConfig config) {
            if (config == null) {
                return new Key(List.of(), Locale.ENGLISH);
            }
            List<Path> packs = Arrays.stream(config.rulePacks())
                    .map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
            return new Key(packs, Locale.forLanguageTag(config.locale()));
        }

        Sonde build() {
            return Sonde.builder().rulePacks(rulePacks).locale(locale).build();
        }
    }

    /** Resolves parameters of type {@link Sonde}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Sonde.class;
    }

    /** The shared {@code Sonde} of the nearest {@link SondeConfig}, built on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Key key = Key.of(config(parameter, context));
        try {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, Key::build, Sonde.class);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot build Sonde with " + describe(key) + ": " + e.getMessage(), e);
        }
    }

    private static SondeConfig config(ParameterContext parameter, ExtensionContext context) {
        SondeConfig own = parameter.findAnnotation(SondeConfig.class).orElse(null);
        if (own != null) {
            return own;
        }
        // the method, then the class and the classes enclosing it
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            if (element.isPresent() && element.get().isAnnotationPresent(SondeConfig.class)) {
                return element.get().getAnnotation(SondeConfig.class);
            }
        }
        return null;
    }

    private static String describe(Key key) {
        return (key.rulePacks().isEmpty() ? "the built-in rule pack" : "rule packs " + key.rulePacks())
                + " in " + key.locale().toLanguageTag();
    }
}
