package org.civicgraph.plans.progress;

import java.util.List;

/**
 * A spreadsheet read as text: its header row and the rows below it, each numbered as the spreadsheet shows it
 * (a header in the first row makes the first data row 2), so that an error can name the row an officer sees.
 * Rows with nothing in them are left out.
 */
record Sheet(String format, int headerRow, List<String> header, List<Row> rows) {

    /** @param cells the texts of the row's cells from column A on, blank as "" */
    record Row(int number, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }
    }

    /** The letter a spreadsheet gives the column: 0 is A, 26 is AA. */
    static String columnLetter(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }
}
