package org.civicgraph.plans.progress;

import org.civicgraph.platform.csv.CsvReader;
import org.civicgraph.platform.csv.MalformedCsvException;
import org.civicgraph.platform.graphql.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets save it (RFC 4180, UTF-8 with or without a byte-order mark, see {@link CsvReader}), with
 * fields separated by commas, or by semicolons when the first line has semicolons and no commas, as some locales save.
 * A record is a row: the row numbers are those the spreadsheet shows.
 */
final class CsvSheets {

    private CsvSheets() {
    }

    static Sheet read(byte[] bytes) {
        try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), separator(bytes))) {
            List<String> header = next(reader);
            while (header != null && Sheet.isBlank(header)) {
                header = next(reader);
            }
            if (header == null) {
                throw new InvalidInputException("file", "The file is empty: it needs a header row naming the columns, then a row per activity");
            }
            int headerRow = Math.toIntExact(reader.record());
            List<Sheet.Row> rows = new ArrayList<>();
            for (List<String> record = next(reader); record != null; record = next(reader)) {
                if (!Sheet.isBlank(record)) {
                    rows.add(new Sheet.Row(Math.toIntExact(reader.record()), record));
                }
            }
            return new Sheet("CSV", headerRow, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> next(CsvReader reader) throws IOException {
        try {
            return reader.next();
        } catch (MalformedCsvException e) {
            throw new InvalidInputException("file", "Row " + e.record() + " opens a quoted field that never closes");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "The CSV file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    /** The separator the first line uses; in UTF-8 these characters are single bytes that no other character contains. */
    private static char separator(byte[] bytes) {
        boolean semicolon = false;
        for (byte b : bytes) {
            if (b == '\n' || b == ',') {
                return semicolon && b == '\n' ? ';' : ',';
            }
            semicolon |= b == ';';
        }
        return semicolon ? ';' : ',';
    }
}
