package org.civicgraph.contracts.contract;

/** What the decisions calendar asks someone to do. */
public enum DecisionKind {
    /** A contract review is due. */
    REVIEW_DUE,
    /** The buyer must decide on the next extension option, a notice period before the current period ends. */
    EXTENSION_DECISION_DUE,
    /** The contract ends with no option left to extend it: re-procure, renew or let it end. */
    EXPIRING
}
