package org.civicgraph.plans.progress;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a quarterly update spreadsheet, found by their header whatever its case, spacing or punctuation
 * and in any order. Other columns (a description for the officer's benefit, say) are ignored and listed as such.
 * Documented for officers in {@code docs/progress-import.md}.
 */
enum ImportColumn {
    /** The reference as the plan writes it, such as A9 or 1.1. Required. */
    ACTIVITY_REF("Activity ref", true, "activity reference", "reference", "ref"),
    /** Where references repeat across themes: the theme's key or title. The plan's own name for its themes also works as a header. */
    THEME("Theme", false, "theme key"),
    /** Where a plan was renumbered: the financial year of the numbering the reference comes from, such as 2020/21. */
    REFERENCE_YEAR("Reference year", false, "numbering year", "ref year"),
    /** Either of the two above: a financial year is read as the reference year, anything else as the theme. */
    QUALIFIER("Qualifier", false, "theme or year", "theme year"),
    /** A label of the plan's RAG scale. Required for a new update; left blank in a correction, the status stays. */
    STATUS("Status", true, "rag", "rag status"),
    COMMENTARY("Commentary", false, "comment", "comments", "progress commentary"),
    /** Required when the status is behind plan on the plan's scale. */
    EXPLANATION("Explanation", false, "explanation of performance", "performance explanation"),
    /** Revised due dates of the activity's milestones: {@code m1=2021-09-30; m2=31/12/2021}. */
    REVISED_DATES("Revised milestone dates", false, "revised dates", "revised milestones", "milestone dates"),
    /** Why an update already reported is being corrected; a reason naming the file and row is given when blank. */
    CORRECTION_REASON("Correction reason", false, "reason for correction");

    private final String header;
    private final boolean required;
    private final Set<String> names;

    ImportColumn(String header, boolean required, String... aliases) {
        this.header = header;
        this.required = required;
        List<String> all = new ArrayList<>(List.of(aliases));
        all.add(header);
        this.names = Set.copyOf(all.stream().map(ImportColumn::normalise).toList());
    }

    /** The header as a template writes it. */
    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    /** "  Activity_Ref. " and "activity ref" are the same header. */
    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    /**
     * Which column each header names, or an explanation of why the header row cannot be used.
     *
     * @param themeLabel the plan's name for its themes (Ambition, Lever area), accepted as the header of {@link #THEME}
     */
    static Layout layout(List<String> header, String themeLabel) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        List<String> ignored = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = normalise(header.get(i));
            if (name.isEmpty()) {
                continue;
            }
            ImportColumn column = find(name, themeLabel);
            if (column == null) {
                ignored.add(header.get(i).strip());
            } else if (positions.containsKey(column)) {
                problems.add("Columns " + Sheet.columnLetter(positions.get(column)) + " and " + Sheet.columnLetter(i)
                        + " are both " + column.header + "; keep one");
            } else {
                positions.put(column, i);
            }
        }
        return new Layout(positions, ignored, problems);
    }

    private static ImportColumn find(String name, String themeLabel) {
        for (ImportColumn column : values()) {
            if (column.names.contains(name)) {
                return column;
            }
        }
        return themeLabel != null && normalise(themeLabel).equals(name) ? THEME : null;
    }

    /** Where each known column is (0 for column A), the headers ignored, and columns found twice. */
    record Layout(Map<ImportColumn, Integer> positions, List<String> ignored, List<String> problems) {

        List<ImportColumn> missing() {
            return java.util.Arrays.stream(values()).filter(column -> column.required && !positions.containsKey(column)).toList();
        }

        String cell(Sheet.Row row, ImportColumn column) {
            Integer position = positions.get(column);
            return position == null ? "" : row.cell(position).strip();
        }

        String letter(ImportColumn column) {
            Integer position = positions.get(column);
            return position == null ? null : Sheet.columnLetter(position);
        }
    }
}
