package org.civicgraph.gateway.change;

import org.civicgraph.platform.security.RecordAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Live changes over GraphQL subscriptions (Server-Sent Events on /graphql). Event data may hold internal values, so only signed-in users subscribe. */
@Controller
class ChangeSubscriptionController {

    private final ChangeFeed feed;

    ChangeSubscriptionController(ChangeFeed feed) {
        this.feed = feed;
    }

    @SubscriptionMapping
    Flux<ChangeEvent> changes(@Argument ChangeFilter filter) {
        RecordAccess.requireSignedIn();
        ChangeFilter wanted = filter == null ? ChangeFilter.EVERYTHING : filter;
        return feed.changes().filter(wanted::matches);
    }
}
