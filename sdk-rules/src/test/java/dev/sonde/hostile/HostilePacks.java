package dev.sonde.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/** Builds the packs, archives and special files the hostile tests attack with; everything inside a test's folder. */
final class HostilePacks {

    static final String PACK_JSON = "{\"id\":\"acme\",\"version\":\"1.0\",\"apiVersion\":1}";
    static final String MESSAGES = "SIGNED_RULE.title=Signed\nSIGNED_RULE.explanation=The signed rule ran.\n"
            + "UNSIGNED_RULE.title=Unsigned\nUNSIGNED_RULE.explanation=A rule nobody signed ran.\n";

    private HostilePacks() {
    }

    /** A rule that always fires, raising {@code findingId}, named after it. */
    static String rule(String findingId) {
        return "package acme;\nimport dev.sonde.rules.model.Raise;\n\nrule \"" + findingId.toLowerCase() + "\"\n"
                + "    @finding(\"" + findingId + "\") @severity(\"low\") @confidence(0.5)\nwhen\nthen\n"
                + "    Raise.finding(drools).insert();\nend\n";
    }

    /** A pack folder whose only rule raises {@code findingId}. */
    static Path pack(Path dir, String findingId) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pack.json"), PACK_JSON);
        Files.writeString(dir.resolve("messages_en.properties"), MESSAGES);
        Files.writeString(dir.resolve("acme.drl"), rule(findingId));
        return dir;
    }

    /** A zip of these entries (name → text), in this order, deflated. */
    static Path zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return file;
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length) in the file's bytes: local and central names. */
    static void renameInPlace(Path zip, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("same length needed");
        }
        int replaced = 0;
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
                replaced++;
            }
        }
        if (replaced == 0) {
            throw new IllegalArgumentException(from + " not found");
        }
        Files.write(zip, bytes);
    }

    /**
     * A zip holding {@code small} entries (stored) and then {@code name}, deflated, inflating to {@code bytes} zero
     * bytes (at most 4 GiB − 1). Written by hand in a moment: the deflate stream of 1 MiB of zeros after 1 MiB of
     * zeros is always the same bytes, so a gigabyte entry takes a thousand copies of one kilobyte, not a minute of
     * compressing.
     */
    static Path bomb(Path zip, Map<String, String> small, String name, long bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream central = new java.io.ByteArrayOutputStream();
        int count = 0;
        for (Map.Entry<String, String> e : small.entrySet()) {
            byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            entry(out, central, e.getKey(), 0, data, crc.getValue(), data.length);
            count++;
        }
        byte[] chunk = new byte[1 << 20];
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION, true);
        byte[] buf = new byte[1 << 16];
        java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream repeat = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream last = new java.io.ByteArrayOutputStream();
        long chunks = bytes / chunk.length;
        for (java.io.ByteArrayOutputStream to : List.of(first, repeat)) {
            d.setInput(chunk);
            for (int n; (n = d.deflate(buf, 0, buf.length, java.util.zip.Deflater.SYNC_FLUSH)) > 0;) {
                to.write(buf, 0, n);
            }
        }
        d.setInput(chunk, 0, (int) (bytes - chunks * chunk.length));
        d.finish();
        while (!d.finished()) {
            int n = d.deflate(buf);
            last.write(buf, 0, n);
        }
        d.end();
        java.io.ByteArrayOutputStream deflated = new java.io.ByteArrayOutputStream();
        deflated.write(first.toByteArray());
        for (long i = 1; i < chunks; i++) {
            deflated.write(repeat.toByteArray());
        }
        deflated.write(last.toByteArray());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (long left = bytes; left > 0; left -= chunk.length) {
            crc.update(chunk, 0, (int) Math.min(chunk.length, left));
        }
        entry(out, central, name, 8, deflated.toByteArray(), crc.getValue(), bytes);
        count++;
        long centralAt = out.size();
        central.writeTo(out);
        java.nio.ByteBuffer end = java.nio.ByteBuffer.allocate(22).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count).putShort((short) count)
                .putInt(central.size()).putInt((int) centralAt).putShort((short) 0);
        out.write(end.array());
        Files.write(zip, out.toByteArray());
        return zip;
    }

    private static void entry(java.io.ByteArrayOutputStream out, java.io.ByteArrayOutputStream central, String name, int method,
            byte[] data, long crc, long size) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int at = out.size();
        java.nio.ByteBuffer local = java.nio.ByteBuffer.allocate(30 + n.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        local.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) method).putInt(0)
                .putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) n.length).putShort((short) 0).put(n);
        out.write(local.array(), 0, local.capacity());
        out.write(data, 0, data.length);
        java.nio.ByteBuffer c = java.nio.ByteBuffer.allocate(46 + n.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) method).putInt(0)
                .putInt((int) crc).putInt(data.length).putInt((int) size).putShort((short) n.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(at).put(n);
        central.write(c.array(), 0, c.capacity());
    }

    /** A named pipe (FIFO) at {@code path}; the test is skipped where {@code mkfifo} is missing. */
    static Path fifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return path;
        }
        Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        return path;
    }

    /** A symbolic link to {@code /dev/zero}; the test is skipped where there is none or links cannot be made. */
    static Path devZero(Path link) throws IOException {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        try {
            return Files.createSymbolicLink(link, zero);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links cannot be made here: " + e.getMessage());
            return link;
        }
    }
}
