package org.civicgraph.plans.progress;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.Locale;

/**
 * A spreadsheet as uploaded. Read as an Excel workbook when its bytes are one (a ZIP, or for the older .xls an OLE2
 * file) or its type or name says so; otherwise as CSV.
 *
 * @param contentType as the client sent it; may be null or generic (application/octet-stream)
 */
record Upload(String fileName, String contentType, byte[] bytes) {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String XLS = "application/vnd.ms-excel";

    Upload {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "The upload is empty: send a CSV or XLSX file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
    }

    Sheet read() {
        return isWorkbook() ? XlsxSheets.read(bytes) : CsvSheets.read(bytes);
    }

    private boolean isWorkbook() {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        boolean ole2 = bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF && (bytes[2] & 0xFF) == 0x11
                && (bytes[3] & 0xFF) == 0xE0;
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return zip || ole2 || type.startsWith(XLSX) || type.startsWith(XLS) || name.endsWith(".xlsx") || name.endsWith(".xls");
    }
}
