package dev.sonde.report;

import dev.sonde.Finding;
import dev.sonde.FindingTarget;
import dev.sonde.Report;
import dev.sonde.Target;
import dev.sonde.facts.LogTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A finding's timeline for the HTML report: an inline SVG strip over the time span of the whole report, one row per
 * target, a mark from its first to its last failure. The state is drawn by fill pattern as well as colour (ongoing:
 * solid, running on to the end; on and off: hatched; resolved: outline only) and written as text beside the mark, so
 * it reads without colour and in print. Times are the logs' local times, as the text report shows them.
 */
final class HtmlTimeline {

    /** How many targets get a row; the rest are counted below the strip. */
    static final int ROWS = 12;
    private static final int WIDTH = 640;
    private static final int LABEL = 150;
    private static final int ROW = 22;
    private static final int AXIS = 18;

    private final long start;
    private final long end;
    private final String startText;
    private final String endText;

    private HtmlTimeline(long start, long end, String startText, String endText) {
        this.start = start;
        this.end = end;
        this.startText = startText;
        this.endText = endText;
    }

    /** The report's span: from its earliest first-seen to its latest last-seen; empty when no finding has a time. */
    static Optional<HtmlTimeline> of(Report report) {
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (Finding f : report.findings()) {
            for (FindingTarget t : f.targets()) {
                for (Optional<LogTime> time : List.of(t.firstSeen(), t.lastSeen())) {
                    LocalDateTime at = time.filter(LogTime::known).map(LogTime::local).orElse(null);
                    if (at != null) {
                        first = first == null || at.isBefore(first) ? at : first;
                        last = last == null || at.isAfter(last) ? at : last;
                    }
                }
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(new HtmlTimeline(seconds(first), seconds(last),
                TargetLines.span(Optional.of(new LogTime(first, null)), Optional.empty()),
                TargetLines.span(Optional.of(new LogTime(last, null)), Optional.empty())));
    }

    /**
     * The SVG strip of {@code f}'s targets.
     *
     * @param where  a target in words (already in the report's language)
     * @param state  a state in words ("ongoing", "on and off", "resolved")
     * @param title  the strip's accessible name
     */
    String svg(Finding f, Function<Target, String> where, Function<Target.State, String> state, String title) {
        List<FindingTarget> rows = f.targets().subList(0, Math.min(ROWS, f.targets().size()));
        int height = AXIS + rows.size() * ROW + 4;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title>").append(Html.text(title)).append("</title>")
                .append("<defs><pattern id=\"hatch").append(f.rank()).append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                        + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
                        + "<rect width=\"3\" height=\"6\" fill=\"#b45309\"/></pattern></defs>");
        int x0 = LABEL;
        int x1 = WIDTH - 90;
        b.append("<text class=\"axis\" x=\"").append(x0).append("\" y=\"12\">").append(Html.text(startText)).append("</text>");
        if (!endText.equals(startText)) {
            b.append("<text class=\"axis\" x=\"").append(x1).append("\" y=\"12\" text-anchor=\"end\">")
                    .append(Html.text(endText)).append("</text>");
        }
        b.append("<line x1=\"").append(x0).append("\" y1=\"").append(AXIS - 2).append("\" x2=\"").append(x1)
                .append("\" y2=\"").append(AXIS - 2).append("\" stroke=\"#555\"/>");
        int y = AXIS;
        for (FindingTarget t : rows) {
            String name = where.apply(t.target());
            String stateText = state.apply(t.state());
            String shown = name.length() > 24 ? name.substring(0, 23) + "…" : name;
            b.append("<g><title>").append(Html.text(name + ": " + stateText + ", "
                    + TargetLines.span(t.firstSeen(), t.lastSeen()))).append("</title>");
            b.append("<text x=\"0\" y=\"").append(y + 14).append("\">").append(Html.text(shown)).append("</text>");
            Optional<LocalDateTime> from = t.firstSeen().filter(LogTime::known).map(LogTime::local);
            if (from.isPresent()) {
                long a = seconds(from.get());
                long z = t.lastSeen().filter(LogTime::known).map(LogTime::local).map(HtmlTimeline::seconds).orElse(a);
                double left = x(a, x0, x1);
                double right = t.state() == Target.State.ONGOING ? x1 : x(z, x0, x1);
                double w = Math.max(4, right - left);
                b.append("<rect class=\"mark ").append(t.state().name().toLowerCase(Locale.ROOT)).append("\" x=\"")
                        .append(fmt(Math.min(left, x1 - 4))).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(fmt(w)).append("\" height=\"").append(ROW - 8).append('"');
                if (t.state() == Target.State.INTERMITTENT) {
                    b.append(" fill=\"url(#hatch").append(f.rank()).append(")\"");
                }
                b.append("/>");
            }
            b.append("<text class=\"state\" x=\"").append(x1 + 6).append("\" y=\"").append(y + 14).append("\">")
                    .append(Html.text(stateText)).append("</text></g>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    private double x(long t, int x0, int x1) {
        if (end == start) {
            return x0;
        }
        return x0 + (double) (t - start) / (end - start) * (x1 - x0);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static long seconds(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC);
    }
}
