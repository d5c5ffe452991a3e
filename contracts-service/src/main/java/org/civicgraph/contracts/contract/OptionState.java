package org.civicgraph.contracts.contract;

/** Where an extension option stands: still open to the buyer, taken up, or turned down (or lapsed with an earlier one). */
public enum OptionState {
    AVAILABLE, EXERCISED, DECLINED
}
