package org.civicgraph.contracts.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.civicgraph.contracts.contract.RatingScale.LEGACY;
import static org.civicgraph.contracts.contract.RatingScale.PROCUREMENT_ACT_2023;

/** A performance rating and the scales it belongs to. */
public enum Rating {
    GOOD("Good", false, LEGACY, PROCUREMENT_ACT_2023),
    AVERAGE("Average", true, LEGACY),
    POOR("Poor", true, LEGACY),
    NEW_SERVICE("New service", false, LEGACY),
    NOT_RATED("Not rated", false, LEGACY),
    APPROACHING_TARGET("Approaching target", true, PROCUREMENT_ACT_2023),
    REQUIRES_IMPROVEMENT("Requires improvement", true, PROCUREMENT_ACT_2023),
    INADEQUATE("Inadequate", true, PROCUREMENT_ACT_2023);

    private final String label;
    private final boolean needsCorrectiveMeasures;
    private final Set<RatingScale> scales;

    Rating(String label, boolean needsCorrectiveMeasures, RatingScale first, RatingScale... others) {
        this.label = label;
        this.needsCorrectiveMeasures = needsCorrectiveMeasures;
        this.scales = EnumSet.of(first, others);
    }

    /** As a report writes it: "Requires improvement". */
    public String label() {
        return label;
    }

    boolean isOn(RatingScale scale) {
        return scales.contains(scale);
    }

    /** A rating that judges performance as less than good must say what is being done about it. */
    boolean needsCorrectiveMeasures() {
        return needsCorrectiveMeasures;
    }

    static List<Rating> on(RatingScale scale) {
        return Arrays.stream(values()).filter(rating -> rating.isOn(scale)).toList();
    }
}
