package org.civicgraph.gateway.change;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Live changes over GraphQL subscriptions (graphql-ws over WebSocket, or Server-Sent Events, on /graphql). Event
 * data may hold internal values, which the services show to any signed-in user, so only signed-in users subscribe;
 * drafts' events carry no content.
 */
@Controller
class ChangeSubscriptionController {

    private final ChangeFeed feed;
    private final ChangeHistory history;

    ChangeSubscriptionController(ChangeFeed feed, ChangeHistory history) {
        this.feed = feed;
        this.history = history;
    }

    @SubscriptionMapping
    Flux<ChangeEvent> changes(@Argument ChangeFilter filter, @Argument String after) {
        RecordAccess.requireSignedIn();
        ChangeFilter wanted = filter == null ? ChangeFilter.EVERYTHING : filter;
        if (after == null) {
            return feed.changes().filter(wanted::matches);
        }
        ChangeCursor cursor;
        try {
            cursor = ChangeCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", e.getMessage());
        }
        return history.resume(cursor, feed.changes()).filter(wanted::matches);
    }

    @SchemaMapping(typeName = "ChangeEvent")
    String cursor(ChangeEvent event) {
        return event.cursor().encode();
    }
}
