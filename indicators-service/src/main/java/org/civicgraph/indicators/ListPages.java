package org.civicgraph.indicators;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

import java.util.List;

/** A Relay page of a list worked out in memory, such as the periods of a series or the red-red findings. */
public final class ListPages {

    private ListPages() {
    }

    public static <T> Window<T> page(List<T> all, ScrollPosition position, int size) {
        if (!(position instanceof OffsetScrollPosition offset)) {
            throw new InvalidInputException("after", "This list pages by offset; pass the cursor of an edge of this list");
        }
        int start = (int) Math.min(all.size(), offset.isInitial() ? 0 : offset.getOffset() + 1);
        int end = Math.min(all.size(), start + size);
        return Window.from(List.copyOf(all.subList(start, end)), offset.positionFunction(), end < all.size());
    }
}
