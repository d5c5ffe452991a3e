package org.civicgraph.gateway.change;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where an event sits: its topic, partition and offset, and the time Kafka stored it. A subscriber that reconnects
 * gives the cursor of the last event it saw and is sent everything after it: on the event's own partition from
 * the next offset, on every other partition from the event's time (ordering holds per partition, and one record's
 * events all share a partition). Opaque to clients: base64url of {@code topic:partition:offset:timestamp}.
 */
record ChangeCursor(String topic, int partition, long offset, long timestamp) {

    static ChangeCursor of(ConsumerRecord<?, ?> record) {
        return new ChangeCursor(record.topic(), record.partition(), record.offset(), record.timestamp());
    }

    TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    String encode() {
        String plain = topic + ":" + partition + ":" + offset + ":" + timestamp;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this gateway made */
    static ChangeCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new ChangeCursor(parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not the cursor of a change event", e);
        }
    }
}
