package org.civicgraph.plans.progress;

import org.civicgraph.plans.period.ReportingPeriod;

/**
 * The first page of an activity's history, as a list of activities asks for it ({@code history(first: 1)} for the
 * latest status): the pages of all the activities in a response are read together.
 *
 * @param period     one period only, or null for all
 * @param withDrafts whether drafts are shown: to signed-in users of the plan's owner only
 */
record FirstHistoryPage(String activityId, ReportingPeriod period, boolean withDrafts, int size) {

    /** What the pages read in one query share. */
    record Shape(ReportingPeriod period, boolean withDrafts, int size) {
    }

    Shape shape() {
        return new Shape(period, withDrafts, size);
    }
}
