package org.civicgraph.indicators.area;

record RenameAreaInput(String code, String name) {
}
