package org.civicgraph.contracts.contract;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The contract register as an Excel workbook (Apache POI): one sheet, a bold header row kept in view, amounts as
 * numbers, dates as dates, yes/no as booleans, and text escaped against formula execution ({@link SpreadsheetText})
 * as in the CSV. Written in a streaming window of rows, so a large register does not sit in memory. Reading accepts
 * the same typed cells or plain text, and refuses formula cells: a register holds values, not calculations.
 */
final class XlsxRegisterFile {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SHEET = "Contract register";
    private static final BigDecimal LARGEST_EXACT_AMOUNT = new BigDecimal("1000000000000");

    private XlsxRegisterFile() {
    }

    /** Writes the header and then every row the producer hands over. */
    static void write(OutputStream out, List<RegisterColumn> columns, Consumer<Consumer<List<Object>>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet(SHEET);
            CellStyle headerStyle = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            rows.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof BigDecimal amount && amount.abs().compareTo(LARGEST_EXACT_AMOUNT) < 0) {
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(moneyStyle);
                    } else if (value instanceof Integer number) {
                        cell.setCellValue(number);
                    } else if (value instanceof Boolean flag) {
                        cell.setCellValue(flag);
                    } else {
                        cell.setCellValue(SpreadsheetText.escape(value instanceof BigDecimal amount ? amount.toPlainString() : value.toString()));
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RegisterFile read(byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new RegisterFile.UnreadableException(null, null, "The workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw new RegisterFile.UnreadableException(1, null, "The first sheet is empty: its first row must name the columns");
            }
            int width = Math.max(0, headerRow.getLastCellNum());
            List<String> header = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                header.add(text(headerRow.getCell(i), headerRow.getRowNum() + 1, null).strip());
            }
            while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
                header.remove(header.size() - 1);
            }
            List<RegisterFile.Row> rows = new ArrayList<>();
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.add(row == null ? "" : text(row.getCell(i), r + 1, header.get(i)));
                }
                if (row != null) {
                    for (int i = header.size(); i < row.getLastCellNum(); i++) {
                        if (!text(row.getCell(i), r + 1, null).isBlank()) {
                            throw new RegisterFile.UnreadableException(r + 1, CellReference.convertNumToColString(i),
                                    "Row " + (r + 1) + " has a value in column " + CellReference.convertNumToColString(i)
                                            + ", which has no header");
                        }
                    }
                }
                rows.add(new RegisterFile.Row(r + 1, List.copyOf(cells)));
            }
            return new RegisterFile(List.copyOf(header), rows);
        } catch (EncryptedDocumentException e) {
            throw new RegisterFile.UnreadableException(null, null, "The workbook is password-protected; save it without a password");
        } catch (IOException | RuntimeException e) {
            if (e instanceof RegisterFile.UnreadableException unreadable) {
                throw unreadable;
            }
            throw new RegisterFile.UnreadableException(null, null, "The file is not a readable XLSX workbook: " + e.getMessage());
        }
    }

    private static String text(Cell cell, int rowNumber, String column) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        return switch (type) {
            case STRING -> SpreadsheetText.unescape(cell.getStringCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : number(cell.getNumericCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case BLANK, _NONE -> "";
            case FORMULA -> throw new RegisterFile.UnreadableException(rowNumber, column,
                    "Row " + rowNumber + (column == null ? "" : ", column " + column) + " holds a formula ("
                            + cell.getCellFormula() + "); the register accepts values only");
            case ERROR -> throw new RegisterFile.UnreadableException(rowNumber, column,
                    "Row " + rowNumber + (column == null ? "" : ", column " + column) + " holds an error value ("
                            + new DataFormatter().formatCellValue(cell) + ")");
        };
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
