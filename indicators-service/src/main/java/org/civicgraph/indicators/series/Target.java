package org.civicgraph.indicators.series;

import org.civicgraph.indicators.period.Period;
import org.civicgraph.indicators.targets.TargetVerdict;

/**
 * A period's target for an indicator in an area, the value it is judged on (null until there is one) and the verdict.
 *
 * @param reportedVerdict the verdict as a source report stated it, kept beside the one worked out here
 */
public record Target(String indicatorId, String areaCode, Period period, Double target, double tolerance, PublishedValue actual,
                     TargetVerdict verdict, TargetVerdict reportedVerdict, String note) {
}
