package org.civicgraph.indicators.transfer;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes comma-separated values (RFC 4180, CRLF line ends). Text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe, as OWASP advises against CSV
 * injection; numbers are written as numbers. {@link #unguard} takes the apostrophe off again on import.
 */
final class CsvWriter {

    private final Writer out;
    private boolean rowStarted;

    CsvWriter(Writer out) {
        this.out = out;
    }

    CsvWriter text(String value) throws IOException {
        separate();
        if (value == null || value.isEmpty()) {
            return this;
        }
        String guarded = isFormula(value) ? "'" + value : value;
        if (needsQuotes(guarded)) {
            out.write('"');
            out.write(guarded.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(guarded);
        }
        return this;
    }

    CsvWriter number(Double value) throws IOException {
        separate();
        if (value != null) {
            out.write(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
        }
        return this;
    }

    void endRow() throws IOException {
        out.write("\r\n");
        rowStarted = false;
    }

    /** Text as a spreadsheet user meant it: the apostrophe {@link #text} puts before a formula-like value removed. */
    static String unguard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && isFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    static boolean isFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1));
    }

    private void separate() throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
    }
}
