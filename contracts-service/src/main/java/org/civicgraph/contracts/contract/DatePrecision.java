package org.civicgraph.contracts.contract;

/**
 * How precisely the written words fix a term's dates. A date read from a month or a year is that month's or year's
 * first day when it starts something and its last day when it ends something ("Sep 2022" ends on 30 September 2022).
 */
public enum DatePrecision {
    DAY, MONTH, YEAR
}
