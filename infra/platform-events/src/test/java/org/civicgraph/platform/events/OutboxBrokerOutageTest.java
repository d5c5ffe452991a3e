package org.civicgraph.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.civicgraph.platform.cloudevents.CloudEventHeaders;
import org.civicgraph.platform.events.EventsTestApplication.Task;
import org.civicgraph.platform.events.EventsTestApplication.Tasks;
import org.civicgraph.platform.test.KafkaBroker;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes go on while Kafka is down; their events wait in the outbox and arrive, once each, when it is back. */
@PlatformIntegrationTest
class OutboxBrokerOutageTest {

    private static final String TOPIC = "civicgraph.test.v1";
    private static final KafkaBroker broker = TestInfrastructure.get().newRestartableKafka();

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        broker.start();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Autowired
    Tasks tasks;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Test
    void eventsWrittenDuringAnOutageAreDeliveredOnceTheBrokerReturns() {
        broker.stop();
        String id = "task-" + UUID.randomUUID();

        Task saved = tasks.save(Task.create(id, "written while Kafka is down"));
        assertThat(tasks.findById(id)).isPresent();
        assertThat(relay.publishPending()).isZero();
        assertThat(tasks.findById(id).orElseThrow().getPendingEvents()).hasSize(1);
        assertThat(relay.pendingCount()).as("what the health check and the gauge report").isEqualTo(1);
        assertThat(mongo.findById("tasks/" + id, Document.class, OutboxMarks.COLLECTION)).as("the document's mark").isNotNull();
        String eventId = saved.getPendingEvents().get(0).eventId();

        broker.start();
        relay.wakeUp();

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), TOPIC)) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(TopicReader.withHeader(CloudEventHeaders.ID, eventId),
                    Duration.ofSeconds(60));
            assertThat(records).filteredOn(TopicReader.withHeader(CloudEventHeaders.ID, eventId)::test).hasSize(1);
        }
        assertThat(tasks.findById(id).orElseThrow().getPendingEvents()).isEmpty();
        assertThat(relay.pendingCount()).isZero();
    }
}
