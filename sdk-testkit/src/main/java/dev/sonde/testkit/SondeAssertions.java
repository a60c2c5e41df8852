package dev.sonde.testkit;

import dev.sonde.Finding;
import dev.sonde.Report;

/**
 * Entry points of the kit's AssertJ assertions. Import them statically next to AssertJ's own: the overloads for
 * {@link Report} and {@link Finding} are picked over AssertJ's generic one.
 *
 * <pre>{@code
 * import static dev.sonde.testkit.SondeAssertions.assertThat;
 *
 * assertThat(sonde.analyze(logs)).hasTopFinding("CLOCK_SKEW").finding("CERT_EXPIRED").explainedBy("CLOCK_SKEW");
 * }</pre>
 */
public final class SondeAssertions {

    private SondeAssertions() {
    }

    /** Assertions on a report. */
    public static ReportAssert assertThat(Report actual) {
        return new ReportAssert(actual);
    }

    /** Assertions on one finding. */
    public static FindingAssert assertThat(Finding actual) {
        return new FindingAssert(actual, null);
    }
}
