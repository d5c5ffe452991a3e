package org.civicgraph.contracts.contract;

/** What the decisions calendar asks someone to do. */
public enum DecisionKind {
    /** A contract review is due. */
    REVIEW_DUE,
    /** The buyer must decide on the next extension option, a notice period before the current period ends. */
    EXTENSION_DECISION_DUE,
    /** The contract ends with no option left to extend it: re-procure, renew or let it end. */
    EXPIRING,
    /**
     * A rating on the Procurement Act 2023 scale is due (12 months after the last, or after the start) on a contract
     * the Act's duties apply to: procured under it and worth more than 5m pounds. Overdue while it stays unrated.
     */
    RATING_DUE
}
