package org.civicgraph.indicators.indicator;

import java.util.List;

/** The fields to change; those left out stay as they are. */
record UpdateIndicatorInput(String id, String name, Unit unit, Polarity polarity, String source, LifeStage lifeStage,
                            List<LeverArea> leverAreas) {
}
