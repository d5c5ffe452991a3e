package org.civicgraph.gateway.change;

import org.civicgraph.platform.cloudevents.CloudEvent;

import java.time.format.DateTimeFormatter;

/** A change published by a service, as subscribers receive it: the CloudEvent's attributes and its JSON data. */
record ChangeEvent(String id, String type, String source, String subject, String time, String aggregateId, String data) {

    static ChangeEvent of(CloudEvent event) {
        return new ChangeEvent(event.id(), event.type(), event.source(), event.subject(),
                event.time() == null ? null : DateTimeFormatter.ISO_INSTANT.format(event.time()), event.aggregateId(), event.data());
    }
}
