package org.civicgraph.gateway.change;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.TestInfrastructure;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Publishes CloudEvents on the services' topics as the services do, on the test broker. */
final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));

    /** Publishes on the topic of the service the type names (org.civicgraph.<service>....); returns the event id. */
    String publish(String type, String subject, String aggregateId, String data) {
        String service = type.split("\\.")[2];
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type, "/civicgraph/" + service + "-service", subject, Instant.now(),
                aggregateId, data);
        try {
            producer.send(event.toRecord("civicgraph." + service + ".v1")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event.id();
    }

    @Override
    public void close() {
        producer.close();
    }
}
