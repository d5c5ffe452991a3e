package org.civicgraph.contracts.contract;

import java.time.LocalDate;

/**
 * One entry of the decisions calendar.
 *
 * @param option  the extension option to decide on, for {@link DecisionKind#EXTENSION_DECISION_DUE}
 * @param overdue the decision was due before the calendar's first day and is still open
 */
record ContractDecision(DecisionKind kind, LocalDate dueDate, Contract contract, Integer option, boolean overdue) {
}
