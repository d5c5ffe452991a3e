package org.civicgraph.plans.report;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.progress.ProgressUpdate;

/**
 * An activity's standing for a period.
 *
 * @param update     its current update for the period, null when there is none
 * @param behindPlan judged by the plan's scale as it is now
 */
record ActivityStatus(Activity activity, ProgressUpdate update, boolean behindPlan) {

    public String status() {
        return update == null ? null : update.getStatus();
    }

    public boolean reported() {
        return update != null;
    }
}
