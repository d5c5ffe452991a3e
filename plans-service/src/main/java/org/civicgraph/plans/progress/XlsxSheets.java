package org.civicgraph.plans.progress;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.civicgraph.platform.graphql.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an Excel workbook (XLSX, or the older XLS) with Apache POI: the sheet named "Updates" if there is one, else
 * the first. Each cell is read as the officer sees it (the cached result of a formula, never re-evaluated), except
 * that a date cell is read as an ISO date, 2021-09-30, whatever format displays it.
 */
final class XlsxSheets {

    private XlsxSheets() {
    }

    static Sheet read(byte[] bytes) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "The workbook has no sheets");
            }
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Updates");
            if (sheet == null) {
                sheet = workbook.getSheetAt(0);
            }
            DataFormatter formatter = new DataFormatter(Locale.UK);
            formatter.setUseCachedValuesForFormulaCells(true);
            List<String> header = null;
            int headerRow = 0;
            List<Sheet.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = cells(row, formatter);
                if (Sheet.isBlank(cells)) {
                    continue;
                }
                if (header == null) {
                    header = cells;
                    headerRow = row.getRowNum() + 1;
                } else {
                    rows.add(new Sheet.Row(row.getRowNum() + 1, cells));
                }
            }
            if (header == null) {
                throw new InvalidInputException("file", "The sheet " + sheet.getSheetName()
                        + " is empty: it needs a header row naming the columns, then a row per activity");
            }
            return new Sheet("XLSX", headerRow, header, rows);
        } catch (EncryptedDocumentException e) {
            throw new InvalidInputException("file", "The workbook is password-protected; save it without a password");
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "The file could not be read as an Excel workbook (.xlsx): " + e.getMessage());
        }
    }

    private static List<String> cells(Row row, DataFormatter formatter) {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < Math.max(0, row.getLastCellNum()); column++) {
            Cell cell = row.getCell(column, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            cells.add(cell == null ? "" : text(cell, formatter));
        }
        return cells;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }
}
