package dev.sonde.logs;

import dev.sonde.facts.Fact;
import dev.sonde.testkit.logs.LogStyle;
import dev.sonde.testsupport.ReadResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder's documented sample ({@code SAMPLE}) read as a log: each unindented line is a record's message, the
 * indented lines under it its continuation lines (indentation removed). Rendered with a trace or an authorization
 * record prefix whose executable names no product (no {@code ClientInfo}), then read by the registered reader.
 *
 * @param records the records: message first, then continuation lines
 * @param result  what the reader made of it
 * @param first   each record's first line number in the rendered log
 */
record SampleLog(List<List<String>> records, ReadResult result, List<Long> first) {

    /** A trace record's prefix (its executable names no product). */
    static final String TRACE = "2024-05-06T07:08:09.010+02:00 2c4 E:Network Module!WinHttp::HandleCallback @ 100 ()> ";
    /** An authorization record's prefix. */
    static final String AUTHORIZATION = "[2024-05-06T07:08:09:ERROR:windows_http.cc(100)] ";

    /** Reads a sample as a trace log. */
    static SampleLog read(String sample) {
        return read(sample, LogStyle.TRACE);
    }

    /** Reads a sample as a log of the given format. */
    static SampleLog read(String sample, LogStyle style) {
        List<List<String>> records = records(sample);
        StringBuilder log = new StringBuilder();
        List<Long> first = new ArrayList<>();
        long line = 0;
        for (List<String> record : records) {
            first.add(line + 1);
            log.append(style == LogStyle.TRACE ? TRACE : AUTHORIZATION).append(record.get(0)).append('\n');
            record.subList(1, record.size()).forEach(l -> log.append(l).append('\n'));
            line += record.size();
        }
        return new SampleLog(records, ReadResult.read("sample.log", log.toString()), first);
    }

    /** The records of a sample: an unindented line starts one, lines indented by two spaces continue it. */
    static List<List<String>> records(String sample) {
        List<List<String>> out = new ArrayList<>();
        for (String line : sample.split("\n")) {
            if (line.startsWith("  ")) {
                out.get(out.size() - 1).add(line.substring(2));
            } else if (!line.isEmpty()) {
                out.add(new ArrayList<>(List.of(line)));
            }
        }
        return out;
    }

    /** The facts whose evidence is on record {@code k}'s lines. */
    List<Fact> facts(int k) {
        long from = first.get(k);
        long to = from + records.get(k).size() - 1;
        return result.facts().stream().filter(f -> f.source().line() >= from && f.source().line() <= to).toList();
    }

    /** The facts of one type on record {@code k}'s lines. */
    <T extends Fact> List<T> facts(int k, Class<T> type) {
        return facts(k).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
