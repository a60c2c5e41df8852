package dev.sonde.hostile;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A forged compile cache entry's payload: a serializable class under a name the cache's class allow-list admits
 * ({@code dev.sonde.*}) whose {@code readObject} runs code: it writes a file. Reading an entry holding it must
 * never get that far unless the entry is authentic.
 */
public final class FileWritingGadget implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String path;

    public FileWritingGadget(Path path) {
        this.path = path.toString();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        Files.writeString(Path.of(path), "code from a forged compile cache entry ran");
    }
}
