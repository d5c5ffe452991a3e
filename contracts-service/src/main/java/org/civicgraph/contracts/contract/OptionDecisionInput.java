package org.civicgraph.contracts.contract;

/** The buyer's decision on one extension option, numbered from 1. */
record OptionDecisionInput(String id, Integer option, String decidedOn, String note) {
}
