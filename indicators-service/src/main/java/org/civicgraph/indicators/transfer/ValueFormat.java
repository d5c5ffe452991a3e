package org.civicgraph.indicators.transfer;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The two layouts values are imported and exported in. Columns are found by their header, in any order.
 * <ul>
 * <li>{@link #TIDY}: CivicGraph's own, one value per row: {@code indicator, area, period, value, lower95, upper95,
 * lower998, upper998, count, denominator, note} and optionally {@code provisional}. Only the first four are required;
 * an unknown column is an error, so a misspelt one is not silently dropped.</li>
 * <li>{@link #FINGERTIPS}: the columns of a Fingertips (OHID) data download. The columns that matter are mapped and
 * the rest (names, parent area, area type, sex, age, recent trend, the comparisons Fingertips made ...) are ignored;
 * see the module README for the mapping.</li>
 * </ul>
 */
enum ValueFormat {

    TIDY(headers(
            Column.INDICATOR, "indicator", Column.AREA, "area", Column.PERIOD, "period", Column.VALUE, "value",
            Column.LOWER95, "lower95", Column.UPPER95, "upper95", Column.LOWER998, "lower998", Column.UPPER998, "upper998",
            Column.COUNT, "count", Column.DENOMINATOR, "denominator", Column.NOTE, "note", Column.PROVISIONAL, "provisional"),
            true),

    FINGERTIPS(headers(
            Column.INDICATOR, "Indicator ID", Column.AREA, "Area Code", Column.PERIOD, "Time period", Column.VALUE, "Value",
            Column.LOWER95, "Lower CI 95.0 limit", Column.UPPER95, "Upper CI 95.0 limit",
            Column.LOWER998, "Lower CI 99.8 limit", Column.UPPER998, "Upper CI 99.8 limit",
            Column.COUNT, "Count", Column.DENOMINATOR, "Denominator", Column.NOTE, "Value note", Column.CATEGORY_TYPE, "Category Type"),
            false);

    /** The columns a Fingertips download has, in its order: those exported are filled, the others left blank. */
    static final List<String> FINGERTIPS_EXPORT = List.of("Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code",
            "Area Name", "Area Type", "Sex", "Age", "Category Type", "Category", "Time period", "Value", "Lower CI 95.0 limit",
            "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit", "Count", "Denominator", "Value note");

    private static final Set<Column> REQUIRED = Set.of(Column.INDICATOR, Column.AREA, Column.PERIOD, Column.VALUE);

    private final Map<Column, String> headers;
    private final boolean strict;

    ValueFormat(Map<Column, String> headers, boolean strict) {
        this.headers = headers;
        this.strict = strict;
    }

    static ValueFormat of(String name) {
        if (name != null) {
            for (ValueFormat format : values()) {
                if (format.name().equalsIgnoreCase(name.strip())) {
                    return format;
                }
            }
        }
        throw new InvalidInputException("format", "format must be tidy or fingertips; got " + name);
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The header this format gives the column. */
    String header(Column column) {
        return headers.get(column);
    }

    /** The header row of an export in this format. */
    List<String> exportHeader() {
        return this == FINGERTIPS ? FINGERTIPS_EXPORT : List.copyOf(headers.values());
    }

    /** Finds the columns in a file's header row; problems are added to {@code errors} (row 1). */
    Map<Column, Integer> locate(List<String> header, List<ImportError> errors) {
        Map<Column, Integer> found = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            Column column = columnNamed(name);
            if (column == null) {
                if (strict && !name.isEmpty()) {
                    errors.add(new ImportError(1, name, "Unknown column " + name + "; the tidy format has " + String.join(", ", headers.values())));
                }
            } else if (found.putIfAbsent(column, i) != null) {
                errors.add(new ImportError(1, name, "The column " + name + " appears twice"));
            }
        }
        for (Column column : headers.keySet()) {
            if (REQUIRED.contains(column) && !found.containsKey(column)) {
                errors.add(new ImportError(1, headers.get(column), "The column " + headers.get(column) + " is missing from the header row"));
            }
        }
        return found;
    }

    private Column columnNamed(String name) {
        for (Map.Entry<Column, String> entry : headers.entrySet()) {
            if (entry.getValue().equalsIgnoreCase(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static Map<Column, String> headers(Object... pairs) {
        Map<Column, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put((Column) pairs[i], (String) pairs[i + 1]);
        }
        return headers;
    }
}
