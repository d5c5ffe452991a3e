package org.civicgraph.indicators.series;

/**
 * A period's value of an indicator in an area. Either {@code value} or {@code unavailableReason}; confidence
 * limits in pairs.
 */
public record PublishValueInput(String indicatorId, String areaCode, String period, Double value, Double lower95, Double upper95,
                         Double lower998, Double upper998, Double count, Double denominator, Boolean provisional,
                         String unavailableReason, String note) {
}
