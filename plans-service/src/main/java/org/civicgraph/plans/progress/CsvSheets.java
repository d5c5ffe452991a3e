package org.civicgraph.plans.progress;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets save it (RFC 4180): UTF-8 with or without a byte-order mark, fields separated by commas
 * (or by semicolons when the header has semicolons and no commas, as some locales save), quoted fields that may hold
 * separators, doubled quotes and line breaks. A record is a row: the row numbers are those the spreadsheet shows.
 */
final class CsvSheets {

    private CsvSheets() {
    }

    static Sheet read(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separator(text);
        List<List<String>> records = records(text, separator);
        int header = 0;
        while (header < records.size() && Sheet.isBlank(records.get(header))) {
            header++;
        }
        if (header == records.size()) {
            throw new InvalidInputException("file", "The file is empty: it needs a header row naming the columns, then a row per activity");
        }
        List<Sheet.Row> rows = new ArrayList<>();
        for (int i = header + 1; i < records.size(); i++) {
            if (!Sheet.isBlank(records.get(i))) {
                rows.add(new Sheet.Row(i + 1, records.get(i)));
            }
        }
        return new Sheet("CSV", header + 1, records.get(header), rows);
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("file", "The CSV file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
    }

    private static List<List<String>> records(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteOpenedOn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
                quoteOpenedOn = line;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("file", "Row " + (records.size() + 1) + " (line " + quoteOpenedOn
                    + ") opens a quoted field that never closes");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
