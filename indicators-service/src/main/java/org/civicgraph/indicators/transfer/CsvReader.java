package org.civicgraph.indicators.transfer;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 writes them, one record at a time: fields in double quotes may hold
 * commas, doubled quotes and line breaks; lines end with CRLF or LF; a byte order mark at the start is skipped.
 * Records are numbered from 1 (the header), as a spreadsheet numbers its rows.
 */
final class CsvReader implements Closeable {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int length;
    private long record;
    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The number of the record last read. */
    long record() {
        return record;
    }

    /** The next record's fields, or null at the end; a blank line is a record of one empty field. */
    List<String> next() throws IOException {
        if (!started) {
            started = true;
            if (fill() && buffer[position] == '\uFEFF') {
                position++;
            }
        }
        if (position >= length && !fill()) {
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>(16);
        field.setLength(0);
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (position >= length && !fill()) {
                if (quoted) {
                    throw new MalformedCsvException(record, fields.size() + 1, "A quoted field is not closed before the end of the file");
                }
                fields.add(field.toString());
                return fields;
            }
            char c = buffer[position++];
            if (quoted) {
                if (c == '"') {
                    if (position >= length && !fill()) {
                        quoted = false;
                        continue;
                    }
                    if (buffer[position] == '"') {
                        field.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '\n') {
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                if ((position < length || fill()) && buffer[position] == '\n') {
                    position++;
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
    }

    private boolean fill() throws IOException {
        if (position < length) {
            return true;
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            length = 0;
            position = 0;
            return false;
        }
        length = read;
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A file that is not well-formed CSV, at a record and field. */
    static final class MalformedCsvException extends IOException {

        private final long record;
        private final int field;

        MalformedCsvException(long record, int field, String message) {
            super(message);
            this.record = record;
            this.field = field;
        }

        long record() {
            return record;
        }

        int field() {
            return field;
        }
    }
}
