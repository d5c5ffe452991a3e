package org.civicgraph.platform.graphql;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;

/** Bounds the page a client asks for: a request for more than the limit is refused, not silently cut. */
public final class PageRequests {

    private final GraphQlLimits limits;

    PageRequests(GraphQlLimits limits) {
        this.limits = limits;
    }

    /** How many items to return for a Relay {@code first}/{@code last} request. */
    public int size(ScrollSubrange subrange) {
        int requested = subrange.count().orElse(limits.defaultPageSize());
        if (requested < 0) {
            throw new InvalidInputException("first", "first must not be negative");
        }
        if (requested > limits.maxPageSize()) {
            throw new InvalidInputException("first", "first may be at most " + limits.maxPageSize() + "; you asked for " + requested);
        }
        return requested;
    }

    public ScrollPosition position(ScrollSubrange subrange) {
        return subrange.position().orElse(ScrollPosition.offset());
    }
}
