package org.civicgraph.gateway.change;

import org.civicgraph.platform.cloudevents.ChangeVisibility;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.function.Predicate;

/**
 * Live changes over GraphQL subscriptions (graphql-ws over WebSocket, or Server-Sent Events, on /graphql). Event
 * data may hold internal values, which the services show to any signed-in user, so only signed-in users subscribe;
 * drafts' events carry no content. Each subscriber sees what {@link ChangeVisibility} lets their organisation see, the
 * rule webhooks apply too.
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
        Caller caller = RecordAccess.requireSignedIn();
        ChangeFilter given = filter == null ? ChangeFilter.EVERYTHING : filter;
        Predicate<ChangeEvent> wanted = change -> given.matches(change) && ChangeVisibility.maySee(caller.organisation(), change.data());
        if (after == null) {
            return feed.changes().filter(wanted);
        }
        ChangeCursor cursor;
        try {
            cursor = ChangeCursor.decode(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", e.getMessage());
        }
        return history.resume(cursor, feed.changes()).filter(wanted);
    }

    @SchemaMapping(typeName = "ChangeEvent")
    String cursor(ChangeEvent event) {
        return event.cursor().encode();
    }
}
