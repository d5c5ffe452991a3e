package org.civicgraph.contracts.contract;

/** A contract serving an area, recorded for that area or for one it lies within. */
record ContractServingArea(Contract contract, String recordedFor, boolean inherited) {
}
