package org.civicgraph.contracts.contract;

import java.time.LocalDate;

/**
 * One entry of a contract's performance history.
 *
 * @param ratedOn            when the rating was given; null when the report that gave it is undated
 * @param asWritten          the rating as the report words it, such as "Linked to individual provider – Overall Good"
 * @param correctiveMeasures what is being done about less than good performance, such as "Re-tender". Internal.
 * @param recordedBy         who recorded it; "demo-data" for imported history
 */
public record PerformanceRating(RatingScale scale, Rating rating, LocalDate ratedOn, String asWritten,
                                String correctiveMeasures, String recordedBy) {
}
