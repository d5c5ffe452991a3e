package org.civicgraph.indicators.series;

import org.civicgraph.indicators.targets.TargetVerdict;

record TargetFilter(String indicatorId, String areaCode, TargetVerdict verdict) {

    static final TargetFilter NONE = new TargetFilter(null, null, null);
}
