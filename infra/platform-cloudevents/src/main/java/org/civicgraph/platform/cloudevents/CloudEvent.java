package org.civicgraph.platform.cloudevents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.civicgraph.platform.cloudevents.CloudEventHeaders.*;

/**
 * A CloudEvents 1.0 event as carried on Kafka in binary content mode: attributes in {@code ce_*} headers,
 * the JSON data as the record value, the aggregate id as the record key (which keeps per-aggregate order).
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, String aggregateId, String data) {

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    public ProducerRecord<String, byte[]> toRecord(String topic) {
        Headers headers = new RecordHeaders();
        add(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        add(headers, ID, id);
        add(headers, TYPE, type);
        add(headers, SOURCE, source);
        add(headers, SUBJECT, subject);
        add(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        add(headers, CONTENT_TYPE, JSON);
        return new ProducerRecord<>(topic, null, aggregateId, data.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Reads a record written by {@link #toRecord}; fails for a record that is not a CloudEvent. */
    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) {
        String id = required(record.headers(), ID);
        String time = header(record.headers(), TIME);
        return new CloudEvent(id, required(record.headers(), TYPE), required(record.headers(), SOURCE),
                header(record.headers(), SUBJECT), time == null ? null : Instant.parse(time), record.key(),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    public <T> T dataAs(Class<T> type) {
        return EventJson.read(data, type);
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new NotACloudEventException("Record has no " + name + " header");
        }
        return value;
    }
}
