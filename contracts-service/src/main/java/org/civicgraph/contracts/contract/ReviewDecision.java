package org.civicgraph.contracts.contract;

/** What a contract review decides. */
public enum ReviewDecision {
    /** Whether to take up the next extension option. */
    EXTENSION,
    /** Whether to re-tender the service. */
    RETENDER,
    /** Whether performance is good enough to carry on as agreed. */
    CONTINUATION,
    /** The report does not say. */
    NOT_STATED
}
