package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.area.Area;

/** One area's profile asked for in a response; the areas asked for with the same settings are profiled together. */
record ProfileRequest(Area area, ProfileSettings settings) {
}
