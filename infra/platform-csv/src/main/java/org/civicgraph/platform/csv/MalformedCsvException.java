package org.civicgraph.platform.csv;

import java.io.IOException;

/** Text that is not well-formed CSV, at a record (numbered as a spreadsheet numbers rows) and a field (from 1). */
public final class MalformedCsvException extends IOException {

    private final long record;
    private final int field;

    MalformedCsvException(long record, int field, String message) {
        super(message);
        this.record = record;
        this.field = field;
    }

    public long record() {
        return record;
    }

    public int field() {
        return field;
    }
}
