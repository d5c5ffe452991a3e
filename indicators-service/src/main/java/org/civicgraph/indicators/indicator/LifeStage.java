package org.civicgraph.indicators.indicator;

/** The stage of life an outcome measure belongs to in the district strategy (seed 003, section 6.2). */
public enum LifeStage {
    START_WELL, LIVE_WELL, DIE_WELL
}
