package org.civicgraph.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.CloudEventHeaders;
import org.civicgraph.platform.cloudevents.DeadLetterTopics;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class IdempotentConsumerTest {

    static final String INBOX = "civicgraph.inbox-test.v1";

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    RecordingHandler handler;

    @Test
    void aRedeliveredEventIsHandledOnce() throws Exception {
        CloudEvent event = event("org.civicgraph.test.note.added.v1", "{\"note\":\"once\"}");
        kafka.send(event.toRecord(INBOX)).get();
        kafka.send(event.toRecord(INBOX)).get();
        CloudEvent marker = event("org.civicgraph.test.note.added.v1", "{\"note\":\"marker\"}");
        kafka.send(marker.toRecord(INBOX)).get();

        awaitHandled(marker.id());
        assertThat(handler.handled).filteredOn(event.id()::equals).hasSize(1);
    }

    @Test
    void processedEventIdsAreForgottenAfterThirtyDays(@Autowired MongoTemplate mongo) {
        assertThat(mongo.indexOps(IdempotentConsumer.COLLECTION).getIndexInfo())
                .filteredOn(index -> "forget_after".equals(index.getName()))
                .singleElement()
                .satisfies(index -> assertThat(index.getExpireAfter()).contains(Duration.ofDays(30)));
    }

    @Test
    void aRecordThatKeepsFailingIsParkedOnTheDeadLetterTopic() throws Exception {
        CloudEvent poison = event("org.civicgraph.test.note.added.v1", "{\"note\":\"fail\"}");
        kafka.send(poison.toRecord(INBOX)).get();

        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), DeadLetterTopics.of(INBOX))) {
            reader.readUntil(TopicReader.withHeader(CloudEventHeaders.ID, poison.id()), Duration.ofSeconds(30));
        }
        assertThat(handler.attempts).filteredOn(poison.id()::equals).hasSize(3); // the first try and two retries
        assertThat(handler.handled).doesNotContain(poison.id());
    }

    @Test
    void aRecordThatIsNotACloudEventGoesStraightToTheDeadLetterTopic() throws Exception {
        String key = "not-a-cloud-event-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(INBOX, key, "{}".getBytes())).get();

        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), DeadLetterTopics.of(INBOX))) {
            List<ConsumerRecord<String, byte[]>> parked = reader.readUntil(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(parked).anyMatch(r -> key.equals(r.key()));
        }
    }

    private void awaitHandled(String eventId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!handler.handled.contains(eventId)) {
            assertThat(Instant.now()).as("event %s handled in time", eventId).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static CloudEvent event(String type, String data) {
        String id = UUID.randomUUID().toString();
        return new CloudEvent(id, type, "/civicgraph/test", "notes/" + id, Instant.now(), "note-" + id, data);
    }

    @TestConfiguration
    static class Listener {

        @Bean
        RecordingHandler recordingHandler(IdempotentConsumer idempotentConsumer) {
            return new RecordingHandler(idempotentConsumer);
        }
    }

    static class RecordingHandler {

        final List<String> attempts = new CopyOnWriteArrayList<>();
        final List<String> handled = new CopyOnWriteArrayList<>();
        private final IdempotentConsumer idempotentConsumer;

        RecordingHandler(IdempotentConsumer idempotentConsumer) {
            this.idempotentConsumer = idempotentConsumer;
        }

        @KafkaListener(topics = INBOX, groupId = "inbox-test")
        void on(ConsumerRecord<String, byte[]> record) {
            CloudEvent event = CloudEvent.fromRecord(record);
            idempotentConsumer.handleOnce("inbox-test", event, e -> {
                attempts.add(e.id());
                if (e.data().contains("\"fail\"")) {
                    throw new IllegalStateException("handler cannot process " + e.id());
                }
                handled.add(e.id());
            });
        }
    }
}
