package org.example.gadget;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/**
 * Stands for a deserialization gadget (CompileCacheTest): a serializable class outside Java, Drools and
 * Sonde whose {@code readObject} runs code. The compile cache must refuse it before that code runs.
 */
public final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Set when an instance is deserialized. */
    public static volatile boolean ran;

    private final String command;

    public Gadget(String command) {
        this.command = command;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        ran = true;
    }

    @Override
    public String toString() {
        return "Gadget[" + command + "]";
    }
}
