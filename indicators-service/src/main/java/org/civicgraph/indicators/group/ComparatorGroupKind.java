package org.civicgraph.indicators.group;

/** Why the areas of a comparator group belong together. */
public enum ComparatorGroupKind {
    /** All the districts of a county, such as the seven Lincolnshire districts. */
    COUNTY_DISTRICTS,
    /** Councils of one type, such as all shire districts. */
    COUNCIL_TYPE,
    /** Statistical nearest neighbours, as CIPFA or the ONS publish them. */
    STATISTICAL_NEIGHBOURS,
    OTHER
}
