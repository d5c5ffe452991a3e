package org.civicgraph.plans.progress;

/**
 * Where an update came from when a spreadsheet import made it.
 *
 * @param importId one id for every update the same import made
 * @param fileName as uploaded, when the client gave one
 * @param row      the spreadsheet row, as the spreadsheet numbers it
 */
record ImportSource(String importId, String fileName, int row) {

    /** "q2-updates.xlsx, row 7" */
    String describe() {
        return (fileName == null || fileName.isBlank() ? "spreadsheet import" : fileName) + ", row " + row;
    }
}
