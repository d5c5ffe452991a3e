package org.civicgraph.indicators;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;

import java.time.Duration;
import java.util.function.Predicate;

/** Reads what the service published on its topic, with a real Kafka consumer. */
public final class Events {

    public static final String TOPIC = "civicgraph.indicators.v1";

    private Events() {
    }

    /** The first event of the type published with the record key, waiting up to 30 s for it. */
    public static ConsumerRecord<String, byte[]> published(String key, String type) {
        Predicate<ConsumerRecord<String, byte[]>> wanted = record -> key.equals(record.key()) && type.equals(TopicReader.header(record, "ce_type"));
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            return reader.readUntil(wanted, Duration.ofSeconds(30)).stream().filter(wanted).findFirst().orElseThrow();
        }
    }
}
