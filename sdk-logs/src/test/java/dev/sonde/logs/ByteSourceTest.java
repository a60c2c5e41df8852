package dev.sonde.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ByteSource}'s buffer: the input's size when it says, and every byte read back whatever it says. */
class ByteSourceTest {

    private static final Instant LATER = Instant.now().plusSeconds(60);

    @Test
    void aSmallFileGetsABufferItsSize(@TempDir Path tmp) throws IOException {
        byte[] text = bytes(1_275);
        Path file = Files.write(tmp.resolve("Trace.log"), text);
        try (ByteSource src = ByteSource.open(Files.newInputStream(file), LATER, Long.MAX_VALUE, 1 << 18, 4096)) {
            assertThat(src.buf.length).as("buffer").isEqualTo(1_276);
            assertThat(readAll(src)).isEqualTo(text);
        }
    }

    /** A stream that says it holds fewer bytes than it does (a compressed entry, a growing file). */
    @Test
    @Timeout(20) // a buffer too small for the sniff, never grown, would read nothing forever
    void moreBytesThanTheInputSaidAreAllRead() throws IOException {
        for (int size : new int[] {0, 1, 9, 4_095, 4_096, 4_097, 10_000, 200_000}) {
            byte[] text = bytes(size);
            ByteArrayInputStream in = new ByteArrayInputStream(text) {
                @Override
                public synchronized int available() {
                    return Math.min(super.available(), 9);
                }
            };
            try (ByteSource src = ByteSource.open(in, LATER, Long.MAX_VALUE, 1 << 18, 4096)) {
                assertThat(src.limit - src.pos).as("sniffed of %d bytes", size)
                        .isGreaterThanOrEqualTo(Math.min(size, 4096));
                assertThat(readAll(src)).as("%d bytes", size).isEqualTo(text);
            }
        }
    }

    private static byte[] readAll(ByteSource src) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (src.pos < src.limit || src.fill()) {
            out.write(src.buf, src.pos, src.limit - src.pos);
            src.pos = src.limit;
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.setAll(new int[n], i -> b[i] = (byte) ('a' + i % 26));
        return b;
    }
}
