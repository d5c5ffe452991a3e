package org.civicgraph.indicators.transfer;

/** A problem with a row of an import file: the row as a spreadsheet numbers it (the header is row 1) and the column's header. */
record ImportError(long row, String column, String message) {
}
