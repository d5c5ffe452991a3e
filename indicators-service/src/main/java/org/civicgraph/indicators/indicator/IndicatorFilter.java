package org.civicgraph.indicators.indicator;

record IndicatorFilter(LifeStage lifeStage, LeverArea leverArea, String ownerOrganisation) {

    static final IndicatorFilter NONE = new IndicatorFilter(null, null, null);
}
