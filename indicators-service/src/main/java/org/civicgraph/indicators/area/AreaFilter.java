package org.civicgraph.indicators.area;

record AreaFilter(AreaType type, String parentCode) {

    static final AreaFilter NONE = new AreaFilter(null, null);
}
