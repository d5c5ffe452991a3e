package org.civicgraph.indicators.transfer;

/** What a column of an import file holds, whatever the format calls it. */
enum Column {
    INDICATOR, AREA, PERIOD, VALUE, LOWER95, UPPER95, LOWER998, UPPER998, COUNT, DENOMINATOR, NOTE, PROVISIONAL, CATEGORY_TYPE;

    /** The column of a field named by the value rules ({@code lower95}, {@code period} ...). */
    static Column ofField(String field) {
        return switch (field == null ? "" : field) {
            case "indicatorId" -> INDICATOR;
            case "areaCode" -> AREA;
            case "period" -> PERIOD;
            case "lower95" -> LOWER95;
            case "upper95" -> UPPER95;
            case "lower998" -> LOWER998;
            case "upper998" -> UPPER998;
            case "count" -> COUNT;
            case "denominator" -> DENOMINATOR;
            case "note", "unavailableReason" -> NOTE;
            case "provisional" -> PROVISIONAL;
            default -> VALUE;
        };
    }
}
