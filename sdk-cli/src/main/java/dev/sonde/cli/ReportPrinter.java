package dev.sonde.cli;

import dev.sonde.Report;
import dev.sonde.report.ReportHtml;
import dev.sonde.report.ReportJson;
import dev.sonde.report.ReportText;
import java.io.PrintWriter;

/** Prints a report as the commands do and turns it into their exit code. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    /**
     * Writes {@code report} (JSON and HTML always; text only when something was read) and returns its exit code: 1 when a
     * problem of severity medium or above was found (complete or not), else 0 when the analysis was complete, 4 when
     * it was incomplete, 3 when there was nothing to diagnose (no input was a known log and no probe ran).
     *
     * @param whatWasMissing the stderr sentence's start when nothing could be read, e.g. "no input could be read"
     * @param whyWhenSilent  what to say when nothing was read and no warning explains it
     */
    static int print(Report report, ReportOptions options, PrintWriter out, PrintWriter err,
            String whatWasMissing, String whyWhenSilent) {
        boolean nothingRead = !report.anyInputRead() && report.outcome() == Report.Outcome.NOTHING_TO_DIAGNOSE;
        if (options.json()) {
            out.print(ReportJson.write(report));
        } else if (options.html()) {
            out.print(ReportHtml.render(report, options.locale()));
        } else if (!nothingRead) {
            out.print(ReportText.render(report, options.width != null ? options.width : terminalWidth(), options.locale()));
        }
        out.flush();
        if (nothingRead) {
            err.println("sonde: " + whatWasMissing + ": " + report.warnings().stream()
                    .map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(whyWhenSilent));
            return SondeCommand.NO_INPUT;
        }
        return exitCode(report);
    }

    /** The exit code of a report that was printed (see {@link SondeCommand}). */
    static int exitCode(Report report) {
        if (report.hasProblems()) {
            return SondeCommand.PROBLEMS;
        }
        return switch (report.outcome()) {
            case COMPLETE -> SondeCommand.OK;
            case INCOMPLETE -> SondeCommand.INCOMPLETE;
            case NOTHING_TO_DIAGNOSE -> SondeCommand.NO_INPUT;
        };
    }

    /** {@code $COLUMNS} within 40..200, else 80. */
    static int terminalWidth() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim());
            return Math.max(40, Math.min(columns, 200));
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
