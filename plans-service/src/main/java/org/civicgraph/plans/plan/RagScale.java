package org.civicgraph.plans.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A plan's statuses in the plan's own order. Labels are matched without regard to case. */
public record RagScale(List<RagStatus> statuses) {

    /** For plans that do not define their own: Green is on track, Red is behind plan. */
    public static final RagScale DEFAULT = new RagScale(List.of(
            new RagStatus("Green", "#00703C", "On track", false),
            new RagStatus("Amber", "#FFBF47", "At risk of falling behind plan", false),
            new RagStatus("Red", "#D4351C", "Behind plan", true)));

    public RagScale {
        statuses = List.copyOf(statuses);
    }

    public Optional<RagStatus> find(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return statuses.stream().filter(status -> status.label().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** Whether the label is a behind-plan status of this scale; false for a label the scale does not have. */
    public boolean isBehindPlan(String label) {
        return find(label).map(RagStatus::behindPlan).orElse(false);
    }

    /** "Green, Amber, Red", for error messages. */
    public String labels() {
        return statuses.stream().map(RagStatus::label).collect(Collectors.joining(", "));
    }

    /** "Green (Ahead of plan), Amber (On plan), Red (Behind plan; behind plan)", for change events. */
    String describe() {
        return statuses.stream()
                .map(status -> status.label() + " " + status.colour() + " (" + status.meaning() + (status.behindPlan() ? "; behind plan)" : ")"))
                .collect(Collectors.joining(", "));
    }
}
