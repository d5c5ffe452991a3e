package org.civicgraph.indicators;

import org.civicgraph.indicators.comparison.ComparisonMethod;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the indicators service.
 *
 * @param referenceDataOwner the organisation whose admins maintain the reference data every organisation shares,
 *                           such as areas
 * @param watchedComparison  the comparison every series is kept judged by, so a change of outcome is announced
 * @param imports            how value imports are applied and reported
 */
@ConfigurationProperties("civicgraph.indicators")
public record IndicatorsProperties(String referenceDataOwner,
                                   @DefaultValue WatchedComparison watchedComparison,
                                   @DefaultValue Imports imports) {

    public IndicatorsProperties {
        if (referenceDataOwner == null || referenceDataOwner.isBlank()) {
            throw new IllegalArgumentException("civicgraph.indicators.reference-data-owner must name an organisation, such as civicgraph");
        }
    }

    /**
     * The comparison behind the "comparison changed" events: each area's latest value against one benchmark area
     * (England unless told) by a method that needs no group. The profile's defaults, so an event matches what the
     * profile shows unless it is asked for another method.
     */
    public record WatchedComparison(@DefaultValue("E92000001") String benchmark,
                                    @DefaultValue("TOLERANCE_BAND") ComparisonMethod method,
                                    @DefaultValue("5") double tolerancePercent) {

        public WatchedComparison {
            if (method.againstGroup()) {
                throw new IllegalArgumentException("civicgraph.indicators.watched-comparison.method must compare with a benchmark area "
                        + "(TOLERANCE_BAND, CI_OVERLAP_95 or CI_OVERLAP_99_8), not " + method);
            }
        }
    }

    /**
     * @param batchSize     rows applied together: one read and one bulk write to the database per batch
     * @param progressEvery rows between progress lines in the log
     * @param maxErrors     row errors listed in a report; all are counted
     */
    public record Imports(@DefaultValue("5000") int batchSize,
                          @DefaultValue("100000") int progressEvery,
                          @DefaultValue("100") int maxErrors) {
    }
}
