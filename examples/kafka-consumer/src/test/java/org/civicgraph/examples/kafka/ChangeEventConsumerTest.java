package org.civicgraph.examples.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The example reads CloudEvents as the services publish them, on a real broker, and drops a repeated event. */
class ChangeEventConsumerTest {

    @Test
    void eachEventIsHandedOnOnceInTheOrderOfItsRecord() throws Exception {
        String topic = "civicgraph.example-" + UUID.randomUUID() + ".v1";
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        CloudEvent first = event("boston-bc", "{\"website\":{\"old\":null,\"new\":\"https://www.boston.gov.uk\"}}");
        CloudEvent second = event("boston-bc", "{\"name\":{\"old\":\"Boston BC\",\"new\":\"Boston Borough Council\"}}");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(first.toRecord(topic)).get();
            producer.send(first.toRecord(topic)).get(); // delivered again, as at-least-once allows
            producer.send(second.toRecord(topic)).get();
        }

        List<ChangeEventConsumer.Event> received = new ArrayList<>();
        try (ChangeEventConsumer consumer = new ChangeEventConsumer(bootstrap, "example-test-" + UUID.randomUUID(), List.of(topic), received::add)) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (received.size() < 2 && Instant.now().isBefore(deadline)) {
                consumer.pollOnce(Duration.ofMillis(500));
            }
            consumer.pollOnce(Duration.ofSeconds(1));
        }

        assertThat(received).extracting(ChangeEventConsumer.Event::id).containsExactly(first.id(), second.id());
        assertThat(received.get(0).type()).isEqualTo("org.civicgraph.partners.organisation.updated.v1");
        assertThat(received.get(0).subject()).isEqualTo("organisations/boston-bc");
        assertThat(received.get(0).key()).isEqualTo("boston-bc");
        assertThat(received.get(1).data()).contains("Boston Borough Council");
    }

    private static CloudEvent event(String organisation, String data) {
        return new CloudEvent(UUID.randomUUID().toString(), "org.civicgraph.partners.organisation.updated.v1", "/civicgraph/partners-service",
                "organisations/" + organisation, Instant.now(), organisation, data);
    }
}
