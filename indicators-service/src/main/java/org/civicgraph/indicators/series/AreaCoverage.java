package org.civicgraph.indicators.series;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which indicators have a series in an area: a small document per area, so an area's profile finds its series by
 * their ids (one indexed lookup each) rather than by searching the series. Written before the series it lists, so
 * it may name a series that a failed write never stored, never the other way round. It also lists the area's
 * red-red indicators for the watched comparison ({@link RedRed}): marked before the series is written, unmarked
 * after, so it may name one that no longer is (the red-red query checks each against its series), never miss one.
 */
@Document("areaCoverage")
class AreaCoverage {

    @Id
    private String areaCode;
    private Set<String> indicatorIds = new LinkedHashSet<>();
    /** The indicators that are red-red here, each with whether its trend is significant. */
    private Map<String, Boolean> redRed = new HashMap<>();

    AreaCoverage() {
    }

    String getAreaCode() {
        return areaCode;
    }

    Set<String> getIndicatorIds() {
        return indicatorIds;
    }

    Map<String, Boolean> getRedRed() {
        return redRed == null ? Map.of() : redRed;
    }
}
