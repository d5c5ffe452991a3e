package org.civicgraph.contracts.contract;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

/** Pages a list computed in memory with the same offset cursors as the pages read from MongoDB. */
final class InMemoryPages {

    private InMemoryPages() {
    }

    static <T> Window<T> window(List<T> all, ScrollPosition position, int size) {
        OffsetScrollPosition offset = position instanceof OffsetScrollPosition given ? given : ScrollPosition.offset();
        int skip = (int) Math.min(all.size(), new Query().with(offset).getSkip());
        int end = Math.min(all.size(), skip + size);
        return Window.from(all.subList(skip, end), offset.positionFunction(), end < all.size());
    }
}
