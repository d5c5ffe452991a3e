package org.civicgraph.plans.progress;

import java.util.List;

/**
 * What a spreadsheet import found: a line per row saying what it would change (in a preview) or changed, and every
 * error with the row and column at fault. When there is any error nothing is applied.
 *
 * @param valid          whether every row can be applied
 * @param applied        whether the changes were stored; never in a preview
 * @param ignoredColumns headers that name no column the import reads, so that a misspelt header is noticed
 */
record ProgressImportReport(String planId, String period, String format, String fileName, boolean preview, boolean valid,
                            boolean applied, Counts counts, List<RowOutcome> rows, List<ImportError> errors,
                            List<String> ignoredColumns) {

    /** @param rows data rows read, blank ones aside */
    record Counts(int rows, int newUpdates, int corrections, int unchanged, int skipped) {
    }

    enum Change {
        /** The activity has no update for the period yet: the row becomes its first. */
        NEW,
        /** The row differs from the current update: it becomes a correction, a new revision. */
        CORRECTION,
        /** The row says what the current update says: nothing is stored. */
        UNCHANGED,
        /** The row gives nothing to report (no status, commentary, explanation or dates). */
        SKIPPED
    }

    /**
     * @param activityId     null when the reference could not be resolved
     * @param previousStatus the status of the current update, null when there is none
     * @param changedFields  of status, commentary, explanation and milestones, those that differ from the current update
     * @param updateId       the update the row makes (or, when unchanged, the current one)
     */
    record RowOutcome(int row, String reference, String activityId, Change change, String previousStatus, String status,
                      List<String> changedFields, String updateId) {
    }

    /**
     * @param row    as the spreadsheet numbers it; the header row for a problem with the columns
     * @param column the column's letter, such as C; null when the column is missing
     * @param header the column's header in the file, or the header expected when it is missing
     */
    record ImportError(int row, String column, String header, String message) {
    }
}
