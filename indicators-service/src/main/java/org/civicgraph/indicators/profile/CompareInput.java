package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.comparison.ComparisonMethod;

import java.util.List;

record CompareInput(String indicatorId, String areaCode, String period, ComparisonMethod method, String benchmark,
                    Double tolerance, List<String> group, String comparatorGroup) {
}
