package org.civicgraph.plans.progress;

import org.civicgraph.plans.period.ReportingPeriod;

/**
 * The first page of an activity's history, as a list of activities asks for it ({@code history(first: 1)} for the
 * latest status): the pages of all the activities in a response are read together.
 *
 * @param period               one period only, or null for all
 * @param callerOrganisation   the signed-in caller's organisation, whose own plans' drafts are shown; null when anonymous
 */
record FirstHistoryPage(String activityId, String planId, ReportingPeriod period, int size, String callerOrganisation) {
}
