package org.civicgraph.indicators.series;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One publication of a period's value: the figures as published, and who published them when. */
record Reading(String periodLabel, Double value, Double lower95, Double upper95, Double lower998, Double upper998,
               Double count, Double denominator, boolean provisional, String unavailableReason, String note,
               Instant publishedAt, String publishedBy) {

    /** Whether the figures, flags and label are those of the other reading, whoever published them. */
    boolean sameAs(Reading other) {
        return figures().equals(other.figures());
    }

    /** The figures, flags and label by name, for event data and for listing what a revision changed. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>(); // not Map.of: most figures are optional
        figures.put("periodLabel", periodLabel);
        figures.put("value", value);
        figures.put("lower95", lower95);
        figures.put("upper95", upper95);
        figures.put("lower998", lower998);
        figures.put("upper998", upper998);
        figures.put("count", count);
        figures.put("denominator", denominator);
        figures.put("provisional", provisional);
        figures.put("unavailableReason", unavailableReason);
        figures.put("note", note);
        return figures;
    }
}
