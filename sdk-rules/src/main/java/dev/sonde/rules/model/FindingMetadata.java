package dev.sonde.rules.model;

import dev.sonde.Severity;

/**
 * A finding's metadata given by a pack's data rather than by a rule's annotations ({@code @finding},
 * {@code @severity}, {@code @confidence}, {@code @articleStep}): one rule then raises a finding per data row
 * ({@code Raise.finding(drools, $row)}), for knowledge that differs only in these constants (a network error's
 * kind and the finding it means: {@link NetworkErrorFinding}). The engine counts the ids data rows declare
 * among the ids the pack raises (texts are checked for them as for annotated rules).
 */
public interface FindingMetadata {

    /** The finding id, UPPER_SNAKE ({@code CONNECTION_TIMEOUT}). */
    String finding();

    /** How bad it is. */
    Severity severity();

    /** How sure, 0..1. */
    double confidence();

    /** The article step the knowledge comes from, or {@code ""}. */
    String articleStep();
}
