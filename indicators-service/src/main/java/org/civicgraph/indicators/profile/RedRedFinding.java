package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.area.Area;

/** An indicator that is worse than its benchmark in an area and getting worse there. */
record RedRedFinding(Area area, ProfileEntry entry) {
}
