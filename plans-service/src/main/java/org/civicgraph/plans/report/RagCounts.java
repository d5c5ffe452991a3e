package org.civicgraph.plans.report;

import org.civicgraph.plans.plan.RagScale;
import org.civicgraph.plans.plan.RagStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How many activities of a theme, an objective or a whole plan had each status for a period, and how many had none. */
final class RagCounts {

    private final RagScale scale;
    private final Map<String, Integer> byLabel = new LinkedHashMap<>();
    private int activities;
    private int notReported;

    RagCounts(RagScale scale) {
        this.scale = scale;
    }

    /** Counts one activity: its current status for the period, or null when it was not reported. */
    void count(String status) {
        activities++;
        if (status == null) {
            notReported++;
        } else {
            String label = scale.find(status).map(RagStatus::label).orElse(status);
            byLabel.merge(label.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
    }

    public int getActivities() {
        return activities;
    }

    public int getReported() {
        return activities - notReported;
    }

    public int getNotReported() {
        return notReported;
    }

    /** One count per status of the scale in the scale's order, zeros included; then labels no longer on the scale. */
    public List<StatusCount> getStatuses() {
        List<StatusCount> counts = new ArrayList<>();
        Map<String, Integer> left = new LinkedHashMap<>(byLabel);
        for (RagStatus status : scale.statuses()) {
            Integer count = left.remove(status.label().toLowerCase(Locale.ROOT));
            counts.add(new StatusCount(status.label(), status.colour(), status.meaning(), status.behindPlan(), count == null ? 0 : count));
        }
        left.forEach((label, count) -> counts.add(new StatusCount(label, null, null, false, count)));
        return counts;
    }

    /** @param colour and meaning are null for a label that is no longer on the plan's scale */
    record StatusCount(String label, String colour, String meaning, boolean behindPlan, int count) {
    }
}
