package org.civicgraph.indicators.comparison;

/**
 * The value being judged, with its confidence limits where known.
 *
 * @param unavailableReason why there is no value, when there is none
 */
public record Subject(Double value, Double lower95, Double upper95, Double lower998, Double upper998, String unavailableReason) {

    public static Subject of(Double value) {
        return new Subject(value, null, null, null, null, null);
    }
}
