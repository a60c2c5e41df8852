package dev.sonde.testsupport;

import dev.sonde.testkit.logs.GwsmoLogs;
import dev.sonde.testkit.logs.LogEncoding;
import dev.sonde.testkit.logs.LogStyle;

/**
 * A generated log with a region of whole records written in another encoding than the rest (a UTF-8 log holding
 * UTF-16 records, or the reverse), as two writers can leave a file.
 *
 * @param text   the log as text
 * @param style  its format
 * @param base   the encoding of the file (and its byte-order mark, at the start)
 * @param region the encoding of the region (and its byte-order mark, at the region's start)
 * @param first  the region's first record (0-based)
 * @param count  records in the region (at least 1)
 */
public record MixedLog(String text, LogStyle style, LogEncoding base, LogEncoding region, int first, int count) {

    /** The file's bytes. */
    public byte[] bytes() {
        return GwsmoLogs.withRegion(text, style, first, count, base, region);
    }

    @Override
    public String toString() {
        return style + " log in " + base + " with records " + first + ".." + (first + count - 1) + " of "
                + GwsmoLogs.records(text, style) + " in " + region + (text.contains("\r\n") ? ", CRLF" : ", LF");
    }
}
