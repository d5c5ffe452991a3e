package org.civicgraph.plans.due;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * How far the time-driven occasions of one kind have been announced: every occasion of that kind whose day is on or
 * before {@code checkedThrough} has been. One document per {@link DueOccasions#kind()}, so that a look after downtime
 * picks up exactly where the last one stopped, kind by kind.
 */
@Document("plan_due_checks")
record DueCheck(@Id String kind, LocalDate checkedThrough, Instant checkedAt, String checkedBy) {
}
