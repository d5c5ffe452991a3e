package org.civicgraph.contracts.contract;

import java.util.List;

/**
 * A contract register as read from a CSV or XLSX file: the header's column names in file order and the data rows.
 * Row numbers are as a spreadsheet shows them: the header is row 1, the first contract row 2.
 */
record RegisterFile(List<String> header, List<Row> rows) {

    /** One data row; cells in header order, as text, never null (an empty cell is ""). */
    record Row(int number, List<String> cells) {

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The file could not be read as a register at all, such as a corrupt workbook or a formula cell. */
    static final class UnreadableException extends RuntimeException {

        private final Integer row;
        private final String column;

        UnreadableException(Integer row, String column, String message) {
            super(message);
            this.row = row;
            this.column = column;
        }

        Integer row() {
            return row;
        }

        String column() {
            return column;
        }
    }
}
