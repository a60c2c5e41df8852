package dev.sonde.probes.http;

/** How the JDK's HTTP client failed, for the HTTP probes: read along the whole cause chain. */
final class HttpErrors {

    private HttpErrors() {
    }

    /**
     * The failure in one line for a probe's evidence: the first throwable of the chain that says something, as
     * {@code ConnectException: Connection refused}; its type alone when none does (never {@code "...: null"}).
     */
    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getClass().getSimpleName() + ": " + c.getMessage();
            }
        }
        return t.getClass().getSimpleName();
    }

    /** True when the throwable or one of its causes is a {@code type}. */
    static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
