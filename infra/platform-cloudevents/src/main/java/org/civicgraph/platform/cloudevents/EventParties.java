package org.civicgraph.platform.cloudevents;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisations and areas an event concerns, read from its data as the services write it: fields that name an
 * organisation ({@code ownerOrganisation}, {@code leadOrganisation}, {@code partnerOrganisations},
 * {@code providerOrganisationIds}, {@code authorOrganisation} ...) and fields that name areas ({@code areaCode},
 * {@code areas}, {@code areasServed} ...), at any depth (so also the old and new values of a change, where a list is
 * written as text, {@code [a, b]}), plus an organisation or area that is the event's subject
 * ({@code organisations/boston-bc}, {@code areas/E07000136}, {@code series/{indicator}/E07000136}). Shared by
 * everything that filters changes by who or where they concern (the gateway's live changes, webhooks).
 */
public record EventParties(Set<String> organisations, Set<String> areas) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> AREA_FIELDS = Set.of("areaCode", "areaCodes", "areas", "areasServed", "areasCovered", "memberCodes");

    public static EventParties of(CloudEvent event) {
        return of(event.subject(), event.data());
    }

    public static EventParties of(String subject, String data) {
        Set<String> organisations = new TreeSet<>();
        Set<String> areas = new TreeSet<>();
        if (subject != null) {
            fromSubject(subject, "organisations/", 0, organisations);
            fromSubject(subject, "areas/", 0, areas);
            fromSubject(subject, "series/", 1, areas);
        }
        if (data != null) {
            try {
                collect(JSON.readTree(data), organisations, areas);
            } catch (RuntimeException notJson) {
                // data that is not JSON names no one
            }
        }
        return new EventParties(Set.copyOf(organisations), Set.copyOf(areas));
    }

    /** The path segment after the prefix, skipping the given number of segments first ({@code series/{indicator}/{area}}). */
    private static void fromSubject(String subject, String prefix, int skip, Set<String> into) {
        if (subject.startsWith(prefix)) {
            String[] segments = subject.substring(prefix.length()).split("/");
            if (segments.length > skip && !segments[skip].isBlank()) {
                into.add(segments[skip]);
            }
        }
    }

    private static void collect(JsonNode node, Set<String> organisations, Set<String> areas) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collect(item, organisations, areas));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (namesOrganisation(field.getKey())) {
                    strings(field.getValue(), organisations);
                } else if (AREA_FIELDS.contains(field.getKey())) {
                    strings(field.getValue(), areas);
                }
                collect(field.getValue(), organisations, areas);
            }
        }
    }

    private static boolean namesOrganisation(String field) {
        String name = field.toLowerCase();
        return name.contains("organisation") && !name.endsWith("name") && !name.endsWith("changed");
    }

    /** Every string under the node: the value itself, the items of a list, the old and new of a change. */
    private static void strings(JsonNode node, Set<String> into) {
        if (node.isString()) {
            String text = node.asString().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                for (String item : text.substring(1, text.length() - 1).split(",")) {
                    if (!item.isBlank()) {
                        into.add(item.trim());
                    }
                }
            } else if (!text.isEmpty()) {
                into.add(text);
            }
        } else if (node.isContainer()) {
            node.forEach(child -> strings(child, into));
        }
    }
}
