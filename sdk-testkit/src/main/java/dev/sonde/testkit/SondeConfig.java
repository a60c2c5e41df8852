package dev.sonde.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which {@link dev.sonde.Sonde} the {@link SondeExtension} injects: the rule packs and the report language. On a
 * test class (inherited by subclasses and nested classes), a test method or a {@code Sonde} parameter; the nearest
 * wins. Without it: the built-in pack, in English.
 *
 * <pre>{@code
 * @ExtendWith(SondeExtension.class)
 * @SondeConfig(rulePacks = "src/main/sonde/acme-pack")
 * class AcmePackTest {
 *     @Test
 *     void proxyBlocksGoogle(Sonde sonde) { ... }
 *
 *     @Test
 *     void inFrench(@SondeConfig(rulePacks = "src/main/sonde/acme-pack", locale = "fr") Sonde sonde) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
public @interface SondeConfig {

    /**
     * Rule pack folders or archives ({@code .zip}/{@code .jar}), layered in order over nothing (a pack that
     * {@code extends} the built-in one is layered over it by Sonde); relative paths are resolved against the
     * working directory (a Maven module's folder). Empty: the built-in pack.
     */
    String[] rulePacks() default {};

    /** The language of findings' texts, as a BCP 47 tag ({@code "en"}, {@code "fr"}). */
    String locale() default "en";
}
