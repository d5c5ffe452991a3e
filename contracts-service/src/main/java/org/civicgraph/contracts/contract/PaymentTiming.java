package org.civicgraph.contracts.contract;

public enum PaymentTiming {
    ARREARS, ADVANCE
}
