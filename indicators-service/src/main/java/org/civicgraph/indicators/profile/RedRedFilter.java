package org.civicgraph.indicators.profile;

import org.civicgraph.indicators.area.AreaType;

/** Which areas to look in; both left out means every area. */
record RedRedFilter(AreaType areaType, String parentCode) {

    static final RedRedFilter NONE = new RedRedFilter(null, null);
}
