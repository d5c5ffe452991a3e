package org.civicgraph.partners.partnership;

/** The five areas in which the Lincolnshire district councils' health and wellbeing strategy works with partners. */
public enum LeverArea {
    HOUSING_AND_HOMELESSNESS, ACTIVITY_AND_WELLBEING, ENVIRONMENT_AND_CLIMATE, ECONOMIC_INCLUSION, WORKING_WITH_COMMUNITIES
}
