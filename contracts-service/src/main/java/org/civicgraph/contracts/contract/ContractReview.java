package org.civicgraph.contracts.contract;

import java.time.LocalDate;

/**
 * When a contract is next reviewed, as written ("Jan 2019", "Yearly", "Report to Portfolio Holder 10 October 2017")
 * and as far as that can be read: a due date (the last day of a month or year the words name), or a recurrence.
 */
public record ContractReview(String asWritten, LocalDate dueDate, DatePrecision precision, ReviewRecurrence recurrence,
                             ReviewDecision decides) {
}
