package org.civicgraph.contracts.strategy;

/** The commissioner's RAG status for a strategy in a highlight report. */
public enum CommissionerStatus {
    GREEN, AMBER, RED;

    /** The highlight report asks for a supporting comment when the status is Red or Amber. */
    boolean requiresComment() {
        return this != GREEN;
    }
}
