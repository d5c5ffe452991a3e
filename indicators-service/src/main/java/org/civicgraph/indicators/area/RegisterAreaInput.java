package org.civicgraph.indicators.area;

record RegisterAreaInput(String code, String name, AreaType type, String parentCode) {
}
