package org.civicgraph.contracts.contract;

import java.util.List;

/**
 * What an import of the contract register did, or in a preview would do. When {@code errors} is not empty nothing was
 * changed: every row is checked before any is applied.
 *
 * @param applied   whether the changes were made; false for a preview and whenever there are errors
 * @param rows      how many contract rows the file has (blank rows are skipped)
 * @param created   ids of the contracts the file registers
 * @param changed   contracts the file changes, with each column's old and new value
 * @param unchanged how many rows match their contract already
 * @param errors    each problem with its row number (the header is row 1) and column name
 */
record RegisterImportReport(boolean preview, boolean applied, int rows, List<String> created, List<ChangedContract> changed,
                            int unchanged, List<RowError> errors) {

    static RegisterImportReport failed(boolean preview, int rows, List<RowError> errors) {
        return new RegisterImportReport(preview, false, rows, List.of(), List.of(), 0, List.copyOf(errors));
    }

    record ChangedContract(String id, int row, List<ColumnChange> changes) {
    }

    record ColumnChange(String column, String oldValue, String newValue) {
    }

    /** A problem with the file; row and column are null when it concerns the whole file. */
    record RowError(Integer row, String column, String message) {
    }
}
