package org.civicgraph.indicators.group;

import java.util.List;

record DefineComparatorGroupInput(String id, String name, ComparatorGroupKind kind, List<String> memberCodes, String source,
                                  String ownerOrganisation) {
}
