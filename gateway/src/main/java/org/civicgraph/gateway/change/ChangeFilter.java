package org.civicgraph.gateway.change;

import java.util.List;

/** Which changes a subscriber wants; every part that is given must match. */
record ChangeFilter(List<String> types, List<String> sources, String subjectPrefix) {

    static final ChangeFilter EVERYTHING = new ChangeFilter(null, null, null);

    boolean matches(ChangeEvent event) {
        return (types == null || types.isEmpty() || types.contains(event.type()))
                && (sources == null || sources.isEmpty() || sources.contains(event.source()))
                && (subjectPrefix == null || event.subject() != null && event.subject().startsWith(subjectPrefix));
    }
}
