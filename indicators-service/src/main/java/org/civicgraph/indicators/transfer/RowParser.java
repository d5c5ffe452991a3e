package org.civicgraph.indicators.transfer;

import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.series.PublishValueInput;
import org.civicgraph.indicators.series.ValueRow;
import org.civicgraph.indicators.series.ValueRules;
import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one row of an import file into a value, naming the row and column of anything wrong with it. The same
 * reading serves the checking pass and the applying pass, so what is applied is exactly what was checked.
 */
final class RowParser {

    static final String FINGERTIPS_PREFIX = "fingertips-";
    private static final String NO_FINGERTIPS_VALUE = "No value in the Fingertips data";

    private final ValueFormat format;
    private final Map<Column, Integer> columns;
    private final Map<String, Indicator> indicators;
    private final Set<String> areaCodes;
    private final Map<String, Object> periods = new HashMap<>();

    RowParser(ValueFormat format, Map<Column, Integer> columns, Map<String, Indicator> indicators, Set<String> areaCodes) {
        this.format = format;
        this.columns = columns;
        this.indicators = indicators;
        this.areaCodes = areaCodes;
    }

    /** A row with nothing in it, such as a blank line at the end: skipped. */
    boolean isBlank(List<String> record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A row this service does not import: in a Fingertips download, the rows broken down by a category (deprivation
     * decile, ethnic group ...) beside the area's own figure.
     */
    boolean isBreakdown(List<String> record) {
        return format == ValueFormat.FINGERTIPS && !cell(record, Column.CATEGORY_TYPE).isEmpty();
    }

    String area(List<String> record) {
        return cell(record, Column.AREA);
    }

    /** The row as a value, or null with the row's problems added to {@code errors}. */
    ValueRow parse(long row, List<String> record, List<ImportError> errors) {
        int before = errors.size();
        Indicator indicator = indicator(row, record, errors);
        String area = cell(record, Column.AREA);
        if (area.isEmpty()) {
            error(errors, row, Column.AREA, "An area code is required, such as E07000136");
        } else if (!areaCodes.contains(area)) {
            error(errors, row, Column.AREA, "No area has the code " + area + "; areas are named by ONS GSS code, such as E07000136");
        }
        Period period = period(row, record, errors);
        Double value = number(row, record, Column.VALUE, errors);
        Double lower95 = number(row, record, Column.LOWER95, errors);
        Double upper95 = number(row, record, Column.UPPER95, errors);
        Double lower998 = number(row, record, Column.LOWER998, errors);
        Double upper998 = number(row, record, Column.UPPER998, errors);
        Double count = number(row, record, Column.COUNT, errors);
        Double denominator = number(row, record, Column.DENOMINATOR, errors);
        Boolean provisional = provisional(row, record, errors);
        String note = cell(record, Column.NOTE);
        String unavailableReason = null;
        if (value == null && cell(record, Column.VALUE).isEmpty()) {
            if (format == ValueFormat.FINGERTIPS) {
                unavailableReason = note.isEmpty() ? NO_FINGERTIPS_VALUE : note;
            } else if (note.isEmpty()) {
                error(errors, row, Column.VALUE, "value is blank: give the figure, or say in " + format.header(Column.NOTE) + " why there is none");
            } else {
                unavailableReason = note;
            }
            note = "";
        }
        if (errors.size() > before) {
            return null;
        }
        PublishValueInput input = new PublishValueInput(indicator.getId(), area, period.label(), value, lower95, upper95, lower998, upper998,
                count, denominator, provisional, unavailableReason, note.isEmpty() ? null : note);
        try {
            ValueRules.check(input, indicator.getUnit(), period);
        } catch (InvalidInputException e) {
            error(errors, row, Column.ofField(e.field()), e.getMessage());
            return null;
        }
        return new ValueRow(row, indicator, area, period, input);
    }

    private Indicator indicator(long row, List<String> record, List<ImportError> errors) {
        String id = cell(record, Column.INDICATOR);
        if (id.isEmpty()) {
            error(errors, row, Column.INDICATOR, "An indicator id is required");
            return null;
        }
        Indicator indicator = indicators.get(id);
        if (indicator == null && format == ValueFormat.FINGERTIPS) {
            indicator = indicators.get(FINGERTIPS_PREFIX + id);
        }
        if (indicator == null) {
            error(errors, row, Column.INDICATOR, "No indicator has the id " + id + (format == ValueFormat.FINGERTIPS
                    ? " or " + FINGERTIPS_PREFIX + id + "; define the indicator with the Fingertips indicator id as its id first"
                    : "; define the indicator first"));
        }
        return indicator;
    }

    private Period period(long row, List<String> record, List<ImportError> errors) {
        String label = cell(record, Column.PERIOD);
        Object known = periods.get(label);
        if (known == null) {
            try {
                known = ValueRules.period(label);
            } catch (InvalidInputException e) {
                known = e.getMessage();
            }
            if (periods.size() < 10_000) {
                periods.put(label, known);
            }
        }
        if (known instanceof Period period) {
            return period;
        }
        error(errors, row, Column.PERIOD, (String) known);
        return null;
    }

    private Double number(long row, List<String> record, Column column, List<ImportError> errors) {
        String text = cell(record, column);
        if (text.isEmpty()) {
            return null;
        }
        if (isNumber(text)) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(errors, row, column, format.header(column) + " must be a number, such as 12.5; got " + text);
        return null;
    }

    private Boolean provisional(long row, List<String> record, List<ImportError> errors) {
        String text = cell(record, Column.PROVISIONAL).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "" -> null;
            case "true", "yes", "y" -> true;
            case "false", "no", "n" -> false;
            default -> {
                error(errors, row, Column.PROVISIONAL, "provisional must be true or false; got " + text);
                yield null;
            }
        };
    }

    /** Digits with an optional sign, decimal point and exponent; no thousands separators, no NaN or Infinity. */
    private static boolean isNumber(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /** The cell's text, trimmed, with the apostrophe an export puts before formula-like text taken off. */
    String cell(List<String> record, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return "";
        }
        return CsvWriter.unguard(record.get(index).strip());
    }

    private void error(List<ImportError> errors, long row, Column column, String message) {
        errors.add(new ImportError(row, format.header(column), message));
    }
}
