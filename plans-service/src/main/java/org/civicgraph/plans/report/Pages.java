package org.civicgraph.plans.report;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

import java.util.List;

/** A page of a list computed in memory, with the same offset cursors as pages read from the database. */
final class Pages {

    private Pages() {
    }

    static <T> Window<T> of(List<T> all, ScrollPosition position, int size) {
        int start = position instanceof OffsetScrollPosition offset && !offset.isInitial() ? (int) offset.getOffset() + 1 : 0;
        int from = Math.min(start, all.size());
        int to = Math.min(from + size, all.size());
        return Window.from(all.subList(from, to), OffsetScrollPosition.positionFunction(from), to < all.size());
    }
}
