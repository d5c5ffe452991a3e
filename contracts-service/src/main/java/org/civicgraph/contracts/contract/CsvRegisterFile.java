package org.civicgraph.contracts.contract;

import org.civicgraph.platform.csv.CsvReader;
import org.civicgraph.platform.csv.MalformedCsvException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract register as CSV (RFC 4180), as the Local Government Transparency Code publishes contracts: UTF-8 with
 * a byte order mark so that spreadsheets read the pound sign right, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, and text escaped against formula execution ({@link SpreadsheetText}).
 */
final class CsvRegisterFile {

    private static final char BOM = '\uFEFF';

    private CsvRegisterFile() {
    }

    static void writeBom(Writer out) {
        try {
            out.write(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one record; every cell is escaped against formula execution. */
    static void writeRecord(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(SpreadsheetText.escape(cells.get(i) == null ? "" : cells.get(i))));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RegisterFile read(byte[] bytes) {
        try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes))) {
            List<String> header = next(reader, List.of());
            if (header == null) {
                throw new RegisterFile.UnreadableException(1, null, "The file is empty: the first row must name the columns");
            }
            header = header.stream().map(String::strip).toList();
            List<RegisterFile.Row> rows = new ArrayList<>();
            for (List<String> record = next(reader, header); record != null; record = next(reader, header)) {
                List<String> cells = new ArrayList<>(record.stream().map(SpreadsheetText::unescape).toList());
                while (cells.size() < header.size()) {
                    cells.add("");
                }
                rows.add(new RegisterFile.Row(Math.toIntExact(reader.record()), List.copyOf(cells)));
            }
            return new RegisterFile(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> next(CsvReader reader, List<String> header) throws IOException {
        try {
            return reader.next();
        } catch (MalformedCsvException e) {
            String column = e.field() <= header.size() ? header.get(e.field() - 1) : null;
            throw new RegisterFile.UnreadableException(Math.toIntExact(e.record()), column,
                    "Row " + e.record() + " opens a quoted field that is never closed");
        } catch (CharacterCodingException e) {
            throw new RegisterFile.UnreadableException(null, null, "The CSV file is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
