package org.civicgraph.indicators;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the indicators service.
 *
 * @param referenceDataOwner the organisation whose admins maintain the reference data every organisation shares,
 *                           such as areas
 */
@ConfigurationProperties("civicgraph.indicators")
public record IndicatorsProperties(String referenceDataOwner) {

    public IndicatorsProperties {
        if (referenceDataOwner == null || referenceDataOwner.isBlank()) {
            throw new IllegalArgumentException("civicgraph.indicators.reference-data-owner must name an organisation, such as civicgraph");
        }
    }
}
