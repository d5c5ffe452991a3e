package org.civicgraph.gateway.change;

import org.civicgraph.platform.cloudevents.EventParties;

import java.util.Collections;
import java.util.List;

/**
 * Which changes a subscriber wants; every part that is given must match. {@code organisations} and {@code areas}
 * match an event that concerns any of them ({@link EventParties}).
 */
record ChangeFilter(List<String> types, List<String> sources, String subjectPrefix, List<String> organisations, List<String> areas) {

    static final ChangeFilter EVERYTHING = new ChangeFilter(null, null, null, null, null);

    boolean matches(ChangeEvent event) {
        return (types == null || types.isEmpty() || types.contains(event.type()))
                && (sources == null || sources.isEmpty() || sources.contains(event.source()))
                && (subjectPrefix == null || event.subject() != null && event.subject().startsWith(subjectPrefix))
                && (organisations == null || organisations.isEmpty() || !Collections.disjoint(organisations, event.organisations()))
                && (areas == null || areas.isEmpty() || !Collections.disjoint(areas, event.areas()));
    }
}
