package org.civicgraph.platform.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 writes them, one record at a time, so that a file of any length streams:
 * fields in double quotes may hold separators, doubled quotes and line breaks; lines end with CRLF, LF or CR; a byte
 * order mark at the start is skipped. Records are numbered from 1 (the header), as a spreadsheet numbers its rows,
 * and a line break inside quotes does not start a new one.
 */
public final class CsvReader implements Closeable {

    private final Reader in;
    private final char separator;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int position;
    private int length;
    private long record;
    private boolean started;

    public CsvReader(Reader in) {
        this(in, ',');
    }

    /** @param separator ',' or, as some locales save CSV, ';' */
    public CsvReader(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /**
     * Reads UTF-8 and refuses anything else: a byte sequence that is not UTF-8 makes {@link #next()} throw a
     * {@link java.nio.charset.CharacterCodingException} rather than read a replacement character into a field.
     */
    public static CsvReader utf8(InputStream in, char separator) {
        return new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), separator);
    }

    public static CsvReader utf8(InputStream in) {
        return utf8(in, ',');
    }

    /** The number of the record last read. */
    public long record() {
        return record;
    }

    /**
     * The next record's fields, or null at the end; a blank line is a record of one empty field, and a line break at
     * the end of the file starts no record.
     *
     * @throws MalformedCsvException where a quoted field is not closed before the end
     */
    public List<String> next() throws IOException {
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
            } else if (c == separator) {
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
}
