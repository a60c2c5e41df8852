package dev.sonde.hostile;

/** A class whose static initializer throws: loading a rule that uses it must be a problem of the pack, not a crash. */
public final class ExplodingInitializer {

    /** Never set: the initializer throws first. */
    public static final String PROXY = explode();

    private ExplodingInitializer() {
    }

    private static String explode() {
        throw new IllegalStateException("this initializer always fails");
    }

    /** Never runs. */
    public static boolean matches(Object o) {
        return o != null;
    }
}
