package dev.sonde.probes.pac;

import java.util.List;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ScriptableObject;

/**
 * The global scope a PAC script sees: the "safe" standard objects ({@link Context#initSafeStandardObjects}: no
 * {@code Packages}, {@code java}, {@code JavaImporter}, no shell functions such as {@code load} or
 * {@code readFile}), minus what a PAC script never needs and a hostile one could use to allocate or loop
 * natively in one call ({@value #REMOVED_NOTE}), the {@linkplain BuiltinGuards guarded built-ins}, and the PAC
 * helpers ({@link PacHelpers}, {@link PacTimeHelpers}).
 */
final class SandboxScope {

    static final String REMOVED_NOTE = "typed arrays and their buffers, JSON, uneval";

    /** Globals deleted from the scope; the Java bridges are absent already and deleted again in case. */
    private static final List<String> REMOVED = List.of("Packages", "java", "javax", "org", "com", "edu", "net",
            "getClass", "JavaAdapter", "JavaImporter", "importClass", "importPackage", "load", "readFile", "print",
            "ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
            "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array",
            "BigInt64Array", "BigUint64Array", "JSON", "uneval");

    private SandboxScope() {
    }

    static ScriptableObject create(Context cx, PacOptions options) {
        ScriptableObject scope = cx.initSafeStandardObjects(null, false);
        for (String name : REMOVED) {
            ScriptableObject.deleteProperty(scope, name);
        }
        BuiltinGuards.install(scope, options);
        PacHelpers.install(scope, options);
        PacTimeHelpers.install(scope, options);
        return scope;
    }
}
