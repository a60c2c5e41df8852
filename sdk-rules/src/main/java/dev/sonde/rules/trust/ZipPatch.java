package dev.sonde.rules.trust;

import dev.sonde.SondeException;
import dev.sonde.rules.pack.PackFiles;
import dev.sonde.rules.pack.PackPaths;
import dev.sonde.spi.InputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;

/**
 * Puts one file into a zip archive and changes nothing else: every other entry keeps its bytes (local header,
 * name, time, extra fields, data, data descriptor), its central directory record (entry comment, attributes)
 * and its place in the entry order; the archive comment stays. A new entry is added last; an entry of the
 * same name is replaced where it stands. The result is written to a temporary file in the archive's folder
 * and moved over the archive atomically, so a reader sees the old archive or the new one, never half of it.
 *
 * <p>An archive whose layout cannot be kept exactly is refused, saying why: ZIP64 records, several disks,
 * bytes between the central directory and its end record, or a local header that disagrees with the
 * central directory about its entry's name. (Duplicate names were refused when the pack was read.)
 */
final class ZipPatch {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;

    private ZipPatch() {
    }

    /** One central directory record, and the local record it points at. */
    private record Entry(byte[] central, String name, long localOffset) {
    }

    /**
     * Adds or replaces the entry {@code name} (stored, not compressed) with {@code data}.
     *
     * @param normalise how names compare ({@code ./a\b} and {@code a/b} are the same entry)
     * @param check     run on the finished temporary file before it replaces the archive; throws to keep the archive
     * @throws SondeException when the archive cannot be kept intact or cannot be written, saying why
     */
    static void put(Path archive, String name, byte[] data, UnaryOperator<String> normalise, Consumer<Path> check) {
        byte[] zip = InputFiles.read(archive, PackFiles.MAX_TOTAL_BYTES, "rule pack");
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEnd(zip, in, archive);
        if (end >= 20 && in.getInt(end - 20) == ZIP64_LOCATOR) {
            throw refuse(archive, "it uses ZIP64 records");
        }
        int disk = u16(in, end + 4);
        int centralDisk = u16(in, end + 6);
        int entriesHere = u16(in, end + 8);
        int count = u16(in, end + 10);
        long centralSize = u32(in, end + 12);
        long centralOffset = u32(in, end + 16);
        if (disk != 0 || centralDisk != 0 || entriesHere != count) {
            throw refuse(archive, "it spans several disks");
        }
        if (count == 0xffff || centralSize == 0xffffffffL || centralOffset == 0xffffffffL) {
            throw refuse(archive, "it uses ZIP64 records");
        }
        if (centralOffset + centralSize != end) {
            throw refuse(archive, "there are bytes between its central directory and its end record");
        }
        List<Entry> entries = new ArrayList<>();
        int at = (int) centralOffset;
        for (int i = 0; i < count; i++) {
            if (at + 46 > end || in.getInt(at) != CENTRAL) {
                throw refuse(archive, "its central directory is not where its end record says");
            }
            int n = u16(in, at + 28);
            int length = 46 + n + u16(in, at + 30) + u16(in, at + 32);
            if (at + length > end) {
                throw refuse(archive, "its central directory is cut short");
            }
            if (u32(in, at + 20) == 0xffffffffL || u32(in, at + 24) == 0xffffffffL || u32(in, at + 42) == 0xffffffffL) {
                throw refuse(archive, "it uses ZIP64 records");
            }
            String entryName = new String(zip, at + 46, n, StandardCharsets.UTF_8);
            long local = u32(in, at + 42);
            if (local + 30 + n > centralOffset || in.getInt((int) local) != LOCAL || u16(in, (int) local + 26) != n
                    || !Arrays.equals(zip, (int) local + 30, (int) local + 30 + n, zip, at + 46, at + 46 + n)) {
                throw refuse(archive, "the local header of entry " + PackPaths.shown(entryName)
                        + " does not match the central directory");
            }
            entries.add(new Entry(Arrays.copyOfRange(zip, at, at + length), entryName, local));
            at += length;
        }
        if (at != end) {
            throw refuse(archive, "its central directory holds more than its end record counts");
        }
        String wanted = normalise.apply(name);
        Entry old = entries.stream().filter(e -> normalise.apply(e.name()).equals(wanted)).findFirst().orElse(null);

        // local records in file order: each runs to the next one (or to the central directory), kept byte for byte
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::localOffset));
        long first = byOffset.isEmpty() ? centralOffset : byOffset.get(0).localOffset();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + data.length + 256);
        out.write(zip, 0, (int) first); // bytes before the first entry (a launcher stub) stay where they are
        java.util.Map<Entry, Long> moved = new java.util.IdentityHashMap<>();
        for (int i = 0; i < byOffset.size(); i++) {
            Entry e = byOffset.get(i);
            long from = e.localOffset();
            long to = i + 1 < byOffset.size() ? byOffset.get(i + 1).localOffset() : centralOffset;
            if (to <= from) {
                throw refuse(archive, "two of its entries share their data");
            }
            if (e != old) {
                moved.put(e, (long) out.size());
                out.write(zip, (int) from, (int) (to - from));
            }
        }
        long newLocal = out.size();
        byte[] nameBytes = wanted.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(data);
        int[] dos = dosTime(LocalDateTime.now());
        ByteBuffer local = ByteBuffer.allocate(30 + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        local.putInt(LOCAL).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                .putShort((short) dos[0]).putShort((short) dos[1]).putInt((int) crc.getValue())
                .putInt(data.length).putInt(data.length).putShort((short) nameBytes.length).putShort((short) 0)
                .put(nameBytes);
        out.write(local.array(), 0, local.capacity());
        out.write(data, 0, data.length);

        long newCentral = out.size();
        ByteBuffer record = ByteBuffer.allocate(46 + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt(CENTRAL).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                .putShort((short) dos[0]).putShort((short) dos[1]).putInt((int) crc.getValue())
                .putInt(data.length).putInt(data.length).putShort((short) nameBytes.length).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) newLocal)
                .put(nameBytes);
        int newCount = 0;
        for (Entry e : entries) {
            if (e == old) {
                out.write(record.array(), 0, record.capacity()); // the replaced entry keeps its place
            } else {
                byte[] copy = e.central().clone();
                ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(42, (int) (long) moved.get(e));
                out.write(copy, 0, copy.length);
            }
            newCount++;
        }
        if (old == null) {
            out.write(record.array(), 0, record.capacity());
            newCount++;
        }
        long newCentralSize = out.size() - newCentral;
        if (newCount > 0xfffe || out.size() > 0xfffffffeL) {
            throw refuse(archive, "it would need ZIP64 records");
        }
        ByteBuffer tail = ByteBuffer.allocate(zip.length - end).order(ByteOrder.LITTLE_ENDIAN);
        tail.put(zip, end, zip.length - end); // the end record with the archive comment, then the new numbers
        tail.putShort(8, (short) newCount).putShort(10, (short) newCount).putInt(12, (int) newCentralSize)
                .putInt(16, (int) newCentral);
        out.write(tail.array(), 0, tail.capacity());
        replace(archive, out, check);
    }

    /** The end of central directory record: the last one whose comment runs exactly to the end of the file. */
    private static int findEnd(byte[] zip, ByteBuffer in, Path archive) {
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
            if (in.getInt(i) == END && i + 22 + u16(in, i + 20) == zip.length) {
                return i;
            }
        }
        throw refuse(archive, "its end record is missing or followed by other bytes");
    }

    /** Writes {@code bytes} next to {@code archive}, with its permissions, and moves them over it atomically. */
    private static void replace(Path archive, ByteArrayOutputStream bytes, Consumer<Path> check) {
        Path folder = archive.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + archive.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream os = java.nio.channels.Channels.newOutputStream(ch)) {
                bytes.writeTo(os);
                os.flush();
                ch.force(true);
            }
            check.accept(temp);
            PosixFileAttributeView posix = Files.getFileAttributeView(archive, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, posix.readAttributes().permissions());
            }
            try {
                Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new SondeException("cannot write the signed archive " + archive + " (" + InputFiles.reason(e)
                    + "); it was left as it was", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // best effort: a stray temporary file is harmless
                }
            }
        }
    }

    private static SondeException refuse(Path archive, String why) {
        return new SondeException("rule pack " + archive + " was not signed: " + why
                + ", and signing would not keep the archive exactly as it is (re-create it with a common zip tool)");
    }

    /** MS-DOS time and date, as zip headers hold them. */
    private static int[] dosTime(LocalDateTime t) {
        int year = Math.max(1980, Math.min(2107, t.getYear()));
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        int date = ((year - 1980) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        return new int[] {time, date};
    }

    private static int u16(ByteBuffer b, int at) {
        return Short.toUnsignedInt(b.getShort(at));
    }

    private static long u32(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at));
    }
}
