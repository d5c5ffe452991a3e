package org.civicgraph.contracts.contract;

public enum PaymentFrequency {
    WEEKLY, MONTHLY, QUARTERLY, ANNUALLY
}
