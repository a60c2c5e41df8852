package dev.sonde.probes.pac;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mozilla.javascript.ScriptableObject;

/**
 * The PAC helpers about the time of the evaluation, in Java, on {@link PacOptions#clock()} and
 * {@link PacOptions#zone()} (or UTC when the last argument is {@code "GMT"}):
 * <ul>
 *   <li>{@code weekdayRange(wd1[, wd2])}: today is {@code wd1}, or between both (wrapping past Saturday);
 *       days are {@code SUN} ... {@code SAT};</li>
 *   <li>{@code dateRange(...)}: one day (1-31), month ({@code JAN} ... {@code DEC}) or year (four digits), or a
 *       range given as two halves of the same shape: {@code (d1, d2)}, {@code (m1, m2)}, {@code (y1, y2)},
 *       {@code (d1, m1, d2, m2)}, {@code (m1, y1, m2, y2)}, {@code (d1, m1, y1, d2, m2, y2)}; bounds included, a
 *       range without years may wrap past the year's end;</li>
 *   <li>{@code timeRange(...)}: one hour, or {@code (h1, h2)}, {@code (h1, m1, h2, m2)},
 *       {@code (h1, m1, s1, h2, m2, s2)}; start included, end excluded, wrapping past midnight.</li>
 * </ul>
 * An argument that is none of these makes the helper answer false.
 */
final class PacTimeHelpers {

    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final int DAY = 0;
    private static final int MONTH = 1;
    private static final int YEAR = 2;

    private final Clock clock;
    private final ZoneId zone;

    private PacTimeHelpers(PacOptions options) {
        this.clock = options.clock();
        this.zone = options.zone();
    }

    static void install(ScriptableObject scope, PacOptions options) {
        PacTimeHelpers h = new PacTimeHelpers(options);
        PacHelpers.define(scope, "weekdayRange", 1, (cx, s, t, a) -> h.weekdayRange(strings(a)));
        PacHelpers.define(scope, "dateRange", 1, (cx, s, t, a) -> h.dateRange(strings(a)));
        PacHelpers.define(scope, "timeRange", 1, (cx, s, t, a) -> h.timeRange(strings(a)));
    }

    private static List<String> strings(Object[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(args.length, 8); i++) {
            out.add(PacHelpers.str(args, i).trim().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    /** Now, in UTC when the last argument is {@code GMT} (which is then removed). */
    private ZonedDateTime now(List<String> args) {
        boolean gmt = !args.isEmpty() && args.get(args.size() - 1).equals("GMT");
        if (gmt) {
            args.remove(args.size() - 1);
        }
        return ZonedDateTime.ofInstant(clock.instant(), gmt ? ZoneOffset.UTC : zone);
    }

    boolean weekdayRange(List<String> args) {
        ZonedDateTime now = now(args);
        int today = now.getDayOfWeek().getValue() % 7; // Sunday = 0
        if (args.isEmpty() || args.size() > 2) {
            return false;
        }
        int from = DAYS.indexOf(args.get(0));
        int to = args.size() == 2 ? DAYS.indexOf(args.get(1)) : from;
        return from >= 0 && to >= 0 && within(today, from, to);
    }

    boolean dateRange(List<String> args) {
        ZonedDateTime now = now(args);
        int n = args.size();
        if (n != 1 && n != 2 && n != 4 && n != 6) {
            return false;
        }
        int[] kinds = new int[n];
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            String a = args.get(i);
            int month = MONTHS.indexOf(a);
            if (month >= 0) {
                kinds[i] = MONTH;
                values[i] = month;
            } else if (a.matches("\\d{1,4}")) {
                int v = Integer.parseInt(a);
                kinds[i] = v >= 1 && v <= 31 ? DAY : v >= 1000 ? YEAR : -1;
                values[i] = v;
            } else {
                return false;
            }
            if (kinds[i] < 0) {
                return false;
            }
        }
        int half = Math.max(1, n / 2);
        long low = 0;
        long high = 0;
        long today = 0;
        boolean hasYear = false;
        for (int i = 0; i < half; i++) {
            int kind = kinds[i];
            if (n > 1 && kinds[i + half] != kind) {
                return false;
            }
            hasYear |= kind == YEAR;
            long weight = kind == YEAR ? 10_000 : kind == MONTH ? 100 : 1;
            int current = kind == YEAR ? now.getYear() : kind == MONTH ? now.getMonthValue() - 1 : now.getDayOfMonth();
            low += weight * values[i];
            high += weight * values[n > 1 ? i + half : i];
            today += weight * current;
        }
        return hasYear ? low <= today && today <= high : within(today, low, high);
    }

    boolean timeRange(List<String> args) {
        ZonedDateTime now = now(args);
        int n = args.size();
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            if (!args.get(i).matches("\\d{1,2}")) {
                return false;
            }
            v[i] = Integer.parseInt(args.get(i));
        }
        int seconds = now.getHour() * 3600 + now.getMinute() * 60 + now.getSecond();
        return switch (n) {
            case 1 -> now.getHour() == v[0];
            case 2 -> halfOpen(seconds, v[0] * 3600, v[1] * 3600);
            case 4 -> halfOpen(seconds, v[0] * 3600 + v[1] * 60, v[2] * 3600 + v[3] * 60);
            case 6 -> halfOpen(seconds, v[0] * 3600 + v[1] * 60 + v[2], v[3] * 3600 + v[4] * 60 + v[5]);
            default -> false;
        };
    }

    /** {@code value} in {@code [from, to]}, wrapping when {@code from > to}. */
    private static boolean within(long value, long from, long to) {
        return from <= to ? from <= value && value <= to : value >= from || value <= to;
    }

    /** {@code value} in {@code [from, to)}, wrapping when {@code from > to}. */
    private static boolean halfOpen(int value, int from, int to) {
        return from <= to ? from <= value && value < to : value >= from || value < to;
    }
}
