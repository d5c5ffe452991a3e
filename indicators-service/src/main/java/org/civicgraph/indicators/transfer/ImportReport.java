package org.civicgraph.indicators.transfer;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or with {@code preview} would do. Nothing is applied when any row has an error or names an
 * indicator the caller may not publish.
 *
 * @param rows             data rows read (the header and blank rows not counted)
 * @param skipped          rows not imported by design: Fingertips breakdowns by category
 * @param errorCount       rows errors in all; {@code errors} lists the first of them
 * @param applySteps       seconds of the apply pass by step: reading series, applying values, writing coverage, writing series
 * @param valuesPerSecond  values checked and applied per second of the whole request
 */
record ImportReport(String importId, String format, boolean preview, boolean applied, long rows, long values, long skipped,
                    long published, long revised, long unchanged, long comparisonsChanged, int indicators, int areas,
                    long errorCount, List<ImportError> errors, List<String> forbiddenIndicators,
                    double checkSeconds, double applySeconds, Map<String, Double> applySteps, double seconds, long valuesPerSecond,
                    String message) {

    boolean forbidden() {
        return !forbiddenIndicators.isEmpty();
    }

    boolean failed() {
        return errorCount > 0;
    }
}
