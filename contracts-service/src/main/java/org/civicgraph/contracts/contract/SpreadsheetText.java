package org.civicgraph.contracts.contract;

/**
 * Keeps register text from running as a spreadsheet formula. A cell that begins with {@code =}, {@code +}, {@code -} or
 * {@code @} (or a tab or carriage return, which some spreadsheets strip before reading one of those) is written with a
 * leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text and never execute it. A cell that itself
 * begins with an apostrophe gets one too, so that reading the file back gives exactly the text that was written.
 */
final class SpreadsheetText {

    private static final String TRIGGERS = "=+-@\t\r'";

    private SpreadsheetText() {
    }

    static String escape(String text) {
        return text != null && !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Undoes {@link #escape}: an apostrophe followed by a character that needed it is dropped. */
    static String unescape(String text) {
        return text != null && text.length() > 1 && text.charAt(0) == '\'' && TRIGGERS.indexOf(text.charAt(1)) >= 0
                ? text.substring(1) : text;
    }
}
