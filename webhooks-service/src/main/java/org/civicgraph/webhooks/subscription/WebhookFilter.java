package org.civicgraph.webhooks.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which events a subscription wants: every part that is given must match, any value within a part. Event types match
 * exactly or, ending in {@code *}, by prefix. Organisations and areas match what the event concerns, which costs a
 * look-up, so it is asked for only when a filter names them.
 */
public record WebhookFilter(List<String> eventTypes, List<String> organisations, List<String> areas) {

    public static final WebhookFilter EVERYTHING = new WebhookFilter(List.of(), List.of(), List.of());

    public WebhookFilter {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** What an event concerns, for filters by organisation or area. */
    public record Concerns(Set<String> organisations, Set<String> areas) {
        public static final Concerns NOTHING = new Concerns(Set.of(), Set.of());
    }

    public boolean namesConcerns() {
        return !organisations.isEmpty() || !areas.isEmpty();
    }

    public boolean matches(String type, Supplier<Concerns> concerns) {
        if (!eventTypes.isEmpty() && eventTypes.stream().noneMatch(wanted -> typeMatches(wanted, type))) {
            return false;
        }
        if (!namesConcerns()) {
            return true;
        }
        Concerns of = concerns.get();
        return (organisations.isEmpty() || any(organisations, of.organisations()))
                && (areas.isEmpty() || any(areas, of.areas()));
    }

    private static boolean typeMatches(String wanted, String type) {
        return wanted.endsWith("*") ? type.startsWith(wanted.substring(0, wanted.length() - 1)) : wanted.equals(type);
    }

    private static boolean any(Collection<String> wanted, Set<String> present) {
        return wanted.stream().anyMatch(present::contains);
    }
}
