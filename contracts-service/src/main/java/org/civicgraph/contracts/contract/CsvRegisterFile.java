package org.civicgraph.contracts.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RegisterFile.UnreadableException(null, null, "The CSV file is not UTF-8 text; save it as CSV UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            throw new RegisterFile.UnreadableException(1, null, "The file is empty: the first row must name the columns");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<RegisterFile.Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = new ArrayList<>(records.get(i).stream().map(SpreadsheetText::unescape).toList());
            while (cells.size() < header.size()) {
                cells.add("");
            }
            rows.add(new RegisterFile.Row(i + 1, List.copyOf(cells)));
        }
        return new RegisterFile(header, rows);
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** Records of RFC 4180 text; a line break inside quotes belongs to the field. A trailing empty line is no record. */
    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int recordNumber = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                recordNumber++;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new RegisterFile.UnreadableException(recordNumber, null, "Row " + recordNumber + " opens a quoted field that is never closed");
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
