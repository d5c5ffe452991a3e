package org.civicgraph.gateway.change;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventParties;

import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * A change published by a service, as subscribers receive it: the CloudEvent's attributes, its JSON data, the
 * organisations and areas it concerns, and its place in its topic, from which a subscriber can resume.
 */
record ChangeEvent(String id, String type, String source, String subject, String time, String aggregateId, String data,
                   Set<String> organisations, Set<String> areas, ChangeCursor cursor) {

    static ChangeEvent of(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEvent.fromRecord(record);
        EventParties parties = EventParties.of(event);
        return new ChangeEvent(event.id(), event.type(), event.source(), event.subject(),
                event.time() == null ? null : DateTimeFormatter.ISO_INSTANT.format(event.time()), event.aggregateId(), event.data(),
                parties.organisations(), parties.areas(), ChangeCursor.of(record));
    }
}
