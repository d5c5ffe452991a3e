package org.civicgraph.webhooks.delivery;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventParties;
import org.civicgraph.webhooks.subscription.WebhookFilter.Concerns;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which organisations and areas an event concerns, for filters that name them: what the event itself names
 * ({@link EventParties}, the rule the gateway's live changes use too), and what earlier events recorded for its subject
 * and the subject's ancestors, so that a later event that names neither (an activity's status report) still concerns
 * what its plan and activity concern ({@code plans/p}, {@code plans/p/activities/a}).
 */
@Component
class EventConcerns {

    static final String COLLECTION = "subject_concerns";

    private final MongoTemplate mongo;

    EventConcerns(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the event concerns, including what its subject's ancestors were recorded to concern; records its own. */
    Concerns of(CloudEvent event) {
        Set<String> organisations = new LinkedHashSet<>();
        Set<String> areas = new LinkedHashSet<>();
        remember(event, organisations, areas);
        List<String> subjects = ancestors(event.source(), event.subject());
        if (!subjects.isEmpty()) {
            for (Remembered remembered : mongo.find(Query.query(Criteria.where("_id").in(subjects)), Remembered.class, COLLECTION)) {
                if (remembered.organisations() != null) {
                    organisations.addAll(remembered.organisations());
                }
                if (remembered.areas() != null) {
                    areas.addAll(remembered.areas());
                }
            }
        }
        return new Concerns(Set.copyOf(organisations), Set.copyOf(areas));
    }

    /** Records what the event names for its subject, so later events of the subject and its descendants inherit it. */
    void remember(CloudEvent event) {
        remember(event, new LinkedHashSet<>(), new LinkedHashSet<>());
    }

    private void remember(CloudEvent event, Set<String> organisations, Set<String> areas) {
        EventParties parties = EventParties.of(event);
        organisations.addAll(parties.organisations());
        areas.addAll(parties.areas());
        List<String> subjects = ancestors(event.source(), event.subject());
        if (subjects.isEmpty() || organisations.isEmpty() && areas.isEmpty()) {
            return;
        }
        Update update = new Update();
        if (!organisations.isEmpty()) {
            update.addToSet("organisations").each(organisations.toArray());
        }
        if (!areas.isEmpty()) {
            update.addToSet("areas").each(areas.toArray());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(subjects.get(subjects.size() - 1))), update, COLLECTION);
    }

    record Remembered(@Id String id, List<String> organisations, List<String> areas) {
    }

    /** The subject and its ancestors by pairs of segments, oldest first: plans/p, plans/p/activities/a, ... */
    static List<String> ancestors(String source, String subject) {
        if (subject == null || subject.isBlank()) {
            return List.of();
        }
        String[] parts = subject.split("/");
        List<String> ancestors = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            path.append(i == 0 ? "" : "/").append(parts[i]);
            if (i % 2 == 1 || i == parts.length - 1) {
                ancestors.add(source + " " + path);
            }
        }
        return ancestors.stream().distinct().toList();
    }
}
