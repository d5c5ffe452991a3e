package org.civicgraph.indicators.indicator;

import java.util.List;

record DefineIndicatorInput(String id, String name, Unit unit, Polarity polarity, String source, LifeStage lifeStage,
                            List<LeverArea> leverAreas, String ownerOrganisation) {
}
