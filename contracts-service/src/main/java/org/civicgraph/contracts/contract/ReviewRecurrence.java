package org.civicgraph.contracts.contract;

public enum ReviewRecurrence {
    ONCE, YEARLY, CONTINUOUS
}
