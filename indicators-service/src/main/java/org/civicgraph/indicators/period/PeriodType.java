package org.civicgraph.indicators.period;

/** How a period was written, which tells which periods are comparable in a trend. */
public enum PeriodType {
    /** {@code 2019}, {@code 2021 provisional}: January to December. */
    CALENDAR_YEAR,
    /** {@code 2019/20}, {@code 2019/2020}, {@code 23/24}: April to March. */
    FINANCIAL_YEAR,
    /** {@code May-21}, {@code May 2021}. */
    MONTH,
    /** {@code 04/2020-12/2020}: whole months from one to the other. */
    CUSTOM_RANGE
}
