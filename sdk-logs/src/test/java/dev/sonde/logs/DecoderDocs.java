package dev.sonde.logs;

import java.util.Arrays;
import java.util.List;

/**
 * What the decoders document, opened to the shared test support ({@code dev.sonde.testsupport.LogSpellings}),
 * which derives spellings from it: the decoders themselves stay package-private.
 */
public final class DecoderDocs {

    private DecoderDocs() {
    }

    /** Windows' message texts the network-error decoder reads, each with the name of its code. */
    public static List<List<String>> messages() {
        return Arrays.stream(NetworkErrorDecoder.MESSAGES).map(List::of).toList();
    }
}
