package org.civicgraph.platform.cloudevents;

import java.util.Collection;
import java.util.Map;

/**
 * Who may follow a change event, however it reaches them (the gateway's live subscriptions, webhooks): event data may
 * hold internal values, so only members of an organisation (signed-in users, an organisation's webhook) see events at
 * all, and an event whose data names the organisations it is for ({@value #VISIBLE_TO}, such as a webhook
 * subscription's own events) only those organisations.
 */
public final class ChangeVisibility {

    /** The top-level data field that restricts an event to the organisations it lists. */
    public static final String VISIBLE_TO = "visibleTo";

    private ChangeVisibility() {
    }

    /** Whether a member of the given organisation (null: nobody signed in) may see the event. */
    public static boolean maySee(String organisation, CloudEvent event) {
        return maySee(organisation, event.data());
    }

    /** The same rule, for an event's JSON data. */
    public static boolean maySee(String organisation, String data) {
        if (organisation == null || organisation.isBlank()) {
            return false;
        }
        if (data == null || !data.contains("\"" + VISIBLE_TO + "\"")) {
            return true;
        }
        Object parsed;
        try {
            parsed = EventJson.read(data, Object.class);
        } catch (RuntimeException notJson) {
            return false;
        }
        if (!(parsed instanceof Map<?, ?> fields) || !fields.containsKey(VISIBLE_TO)) {
            return true;
        }
        Object audience = fields.get(VISIBLE_TO);
        if (audience instanceof Collection<?> organisations) {
            return organisations.contains(organisation);
        }
        return organisation.equals(audience);
    }
}
