package org.civicgraph.indicators.series;

import org.civicgraph.indicators.targets.TargetVerdict;

/** A period's target; {@code target} may be left out only when {@code reportedVerdict} records a report's verdict. */
record SetTargetInput(String indicatorId, String areaCode, String period, Double target, Double tolerance,
                      TargetVerdict reportedVerdict, String note) {
}
