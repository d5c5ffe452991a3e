package org.civicgraph.plans.activity;

import org.civicgraph.plans.period.ReportingPeriod;

import java.util.Set;

/** Which activities were reported for a period, for searches by period and status; answered from the progress updates. */
public interface ReportedActivities {

    /**
     * Ids of the activities whose current update for the period exists and, when a status is given, has that label.
     *
     * @param planId null for every plan
     * @param status null for any status
     */
    Set<String> reportedIn(String planId, ReportingPeriod period, String status);
}
