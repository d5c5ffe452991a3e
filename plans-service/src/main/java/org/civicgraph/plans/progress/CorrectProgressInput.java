package org.civicgraph.plans.progress;

import java.util.List;

/**
 * A correction of a stored update, which stays as it was. Fields left out are taken from the update corrected.
 *
 * @param id     the update corrected, which must be the latest revision for its activity and period
 * @param reason why the correction is needed; required
 */
record CorrectProgressInput(String id, String reason, String status, String commentary, String explanation,
                            List<MilestoneProgressInput> milestones) {
}
