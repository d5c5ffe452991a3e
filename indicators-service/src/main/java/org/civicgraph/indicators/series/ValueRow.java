package org.civicgraph.indicators.series;

import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.period.Period;

/** A checked row of an import: the value to publish, its indicator's definition and its period read. */
public record ValueRow(long row, Indicator indicator, String areaCode, Period period, PublishValueInput input) {
}
