/**
 * Report writers: {@link dev.sonde.report.ReportJson} (the versioned JSON of {@code docs/report-schema.json})
 * and {@link dev.sonde.report.ReportText} (for a person at an 80-column terminal).
 */
package dev.sonde.report;
