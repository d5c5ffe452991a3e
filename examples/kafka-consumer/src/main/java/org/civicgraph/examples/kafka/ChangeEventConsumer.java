package org.civicgraph.examples.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads CivicGraph's change events from Kafka as a partner's system would, with nothing but the Kafka client.
 * <ul>
 * <li>Each record is a CloudEvent in binary mode: the attributes are headers ({@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code ce_subject}, {@code ce_time}), the data is the JSON value, and the key is the changed
 * record's id, so one record's events arrive in order.</li>
 * <li>Delivery is at least once: an event may come again (after a producer retry or a rebalance), with the same
 * {@code ce_id}, and is dropped here. A real consumer keeps the ids it handled with what it wrote, in one transaction.</li>
 * <li>Offsets are committed after the events of a poll were handled, so a crash replays them rather than losing them.</li>
 * </ul>
 * Run it against the local stack: {@code ./mvnw -q -pl examples/kafka-consumer exec:java -Dexec.args="127.0.0.1:9092"}.
 */
public final class ChangeEventConsumer implements AutoCloseable {

    /** The four services' topics. */
    public static final List<String> TOPICS = List.of("civicgraph.plans.v1", "civicgraph.contracts.v1", "civicgraph.indicators.v1",
            "civicgraph.partners.v1");

    private final KafkaConsumer<String, byte[]> kafka;
    private final Set<String> handled = RecentIds.keeping(100_000);
    private final Consumer<Event> handler;

    /** A change event as this consumer hands it on. */
    public record Event(String id, String type, String subject, String key, String data) {
    }

    public ChangeEventConsumer(String bootstrapServers, String groupId, List<String> topics, Consumer<Event> handler) {
        this.handler = handler;
        this.kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        kafka.subscribe(topics);
    }

    /** Polls once, hands on each event not seen before, then commits; returns how many events were handed on. */
    public int pollOnce(Duration timeout) {
        int handedOn = 0;
        for (ConsumerRecord<String, byte[]> record : kafka.poll(timeout)) {
            String id = header(record, "ce_id");
            if (id == null) {
                continue; // not a CloudEvent: nothing CivicGraph publishes
            }
            if (handled.add(id)) {
                handler.accept(new Event(id, header(record, "ce_type"), header(record, "ce_subject"), record.key(),
                        record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
                handedOn++;
            }
        }
        kafka.commitSync();
        return handedOn;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        kafka.close();
    }

    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        String group = args.length > 1 ? args[1] : "example-partner-system";
        try (ChangeEventConsumer consumer = new ChangeEventConsumer(bootstrap, group, TOPICS,
                event -> System.out.printf("%s %s (key %s, id %s)%n  %s%n", event.type(), event.subject(), event.key(), event.id(), event.data()))) {
            System.out.println("Reading " + TOPICS + " from " + bootstrap + " as group " + group + "; Ctrl-C stops");
            while (!Thread.currentThread().isInterrupted()) {
                consumer.pollOnce(Duration.ofSeconds(1));
            }
        }
    }

    /** The most recent ids, up to a number, forgetting the oldest first. */
    private static final class RecentIds {

        static Set<String> keeping(int most) {
            return Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > most;
                }
            });
        }
    }
}
