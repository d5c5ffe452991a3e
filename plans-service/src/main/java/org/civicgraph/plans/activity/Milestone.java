package org.civicgraph.plans.activity;

import java.time.LocalDate;

/**
 * A step an activity commits to, as the plan words it.
 *
 * @param id             {@code m1}, {@code m2}... in the order the milestones were added to the activity
 * @param dueDate        when the text gives one; a month alone is read as its last day
 * @param revisedDueDate the date the milestone was moved to, usually by a progress update
 */
public record Milestone(String id, String text, LocalDate dueDate, MilestoneStatus status, LocalDate revisedDueDate) {

    /** The revised date if there is one, else the due date; null when the milestone has no date. */
    public LocalDate effectiveDueDate() {
        return revisedDueDate != null ? revisedDueDate : dueDate;
    }

    /** Not met (nor withdrawn) and due on or before the given day. */
    public boolean isOverdueOn(LocalDate day) {
        return status.isOutstanding() && effectiveDueDate() != null && !effectiveDueDate().isAfter(day);
    }
}
