package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A {@link java.io.Reader} seen as UTF-16LE bytes: every character passes, whatever the read sizes. */
class ReaderBytesTest {

    @Test
    void charactersBecomeTheirUtf16LeBytesWhateverTheReadSize() throws IOException {
        String text = "Zürich ✓ \uD83D\uDE00 \0 end";
        byte[] expected = text.getBytes(StandardCharsets.UTF_16LE);
        for (int size : new int[] {1, 2, 3, 7, 8192}) {
            ReaderBytes in = new ReaderBytes(new StringReader(text));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[size];
            int n;
            while ((n = in.read(buf, 0, size)) >= 0) {
                out.write(buf, 0, n);
            }
            assertThat(out.toByteArray()).as("reads of %d bytes", size).isEqualTo(expected);
        }
    }

    @Test
    void aLoneSurrogateIsKeptAsItIs() throws IOException {
        ReaderBytes in = new ReaderBytes(new StringReader("a\uD800b"));
        assertThat(in.readAllBytes()).containsExactly('a', 0, 0x00, 0xD8, 'b', 0);
    }
}
