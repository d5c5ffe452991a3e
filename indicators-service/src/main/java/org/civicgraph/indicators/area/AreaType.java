package org.civicgraph.indicators.area;

public enum AreaType {
    COUNTRY, REGION, COUNTY, DISTRICT, UNITARY
}
