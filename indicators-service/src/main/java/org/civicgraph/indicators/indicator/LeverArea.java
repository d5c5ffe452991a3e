package org.civicgraph.indicators.indicator;

/** The five lever areas of the district councils' health and wellbeing strategy (seed 003). */
public enum LeverArea {
    HOUSING_AND_HOMELESSNESS, ACTIVITY_AND_WELLBEING, ENVIRONMENT_AND_CLIMATE, ECONOMIC_INCLUSION, WORKING_WITH_COMMUNITIES
}
