package org.civicgraph.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.CloudEventHeaders;
import org.civicgraph.platform.events.EventsTestApplication.Task;
import org.civicgraph.platform.events.EventsTestApplication.TaskNote;
import org.civicgraph.platform.events.EventsTestApplication.TaskNotes;
import org.civicgraph.platform.events.EventsTestApplication.Tasks;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PlatformIntegrationTest
class OutboxIntegrationTest {

    private static final String TOPIC = "civicgraph.test.v1";

    @Autowired
    Tasks tasks;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TaskNotes notes;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSavedChangeReachesAKafkaConsumerAsACloudEvent() {
        String id = "task-" + UUID.randomUUID();
        tasks.save(Task.create(id, "Deliver Pilgrim Fathers Memorial"));

        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            ConsumerRecord<String, byte[]> record = reader.readUntil(r -> id.equals(r.key()), Duration.ofSeconds(20)).stream()
                    .filter(r -> id.equals(r.key())).findFirst().orElseThrow();
            CloudEvent event = CloudEvent.fromRecord(record);

            assertThat(CloudEvent.header(record.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(CloudEvent.header(record.headers(), CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(event.type()).isEqualTo(EventsTestApplication.CREATED);
            assertThat(event.source()).isEqualTo("/civicgraph/test");
            assertThat(event.subject()).isEqualTo("tasks/" + id);
            assertThat(event.time()).isNotNull();
            assertThat(event.id()).isNotBlank();
            assertThat(event.data()).contains("\"title\":\"Deliver Pilgrim Fathers Memorial\"");
        }
        assertThat(tasks.findById(id).orElseThrow().getPendingEvents()).isEmpty();
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyHappened() {
        String id = "task-" + UUID.randomUUID();
        tasks.save(Task.create(id, "first"));
        for (String title : List.of("second", "third", "fourth")) {
            ConflictRetry.run(() -> {
                Task task = reload(id);
                task.rename(title);
                return tasks.save(task);
            });
        }

        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            List<String> titles = reader.readUntil(r -> id.equals(r.key()) && new String(r.value()).contains("\"title\":\"fourth\""),
                            Duration.ofSeconds(20)).stream()
                    .filter(r -> id.equals(r.key()))
                    .map(r -> CloudEvent.fromRecord(r).data().replaceAll(".*\"title\":\"([a-z]+)\".*", "$1"))
                    .toList();
            assertThat(titles).containsExactly("first", "second", "third", "fourth");
        }
    }

    @Test
    void aRecordThatBelongsToAnotherIsKeyedByItsOwner() {
        String taskId = "task-" + UUID.randomUUID();
        String noteId = "note-" + UUID.randomUUID();
        tasks.save(Task.create(taskId, "owner"));
        notes.save(TaskNote.add(noteId, taskId, "a note"));

        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            ConsumerRecord<String, byte[]> noteAdded = reader.readUntil(
                            TopicReader.withHeader(CloudEventHeaders.SUBJECT, "tasks/" + taskId + "/notes/" + noteId), Duration.ofSeconds(20))
                    .stream().filter(TopicReader.withHeader(CloudEventHeaders.SUBJECT, "tasks/" + taskId + "/notes/" + noteId))
                    .findFirst().orElseThrow();
            assertThat(noteAdded.key()).isEqualTo(taskId);
            assertThat(TopicReader.header(noteAdded, CloudEventHeaders.TYPE)).isEqualTo(TaskNote.ADDED);
        }
    }

    @Test
    void aFailedWritePublishesNothing() {
        String id = "task-" + UUID.randomUUID();
        tasks.save(Task.create(id, "original"));

        assertThatThrownBy(() -> tasks.insert(Task.create(id, "a duplicate that must not be announced")))
                .isInstanceOf(DuplicateKeyException.class);
        ConflictRetry.run(() -> {
            Task reloaded = reload(id);
            reloaded.rename("renamed after the failure");
            return tasks.save(reloaded);
        });

        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            List<String> dataForThisTask = reader.readUntil(r -> id.equals(r.key()) && new String(r.value()).contains("renamed after"),
                            Duration.ofSeconds(20)).stream()
                    .filter(r -> id.equals(r.key()))
                    .map(r -> new String(r.value()))
                    .toList();
            assertThat(dataForThisTask).hasSize(2).noneMatch(data -> data.contains("must not be announced"));
        }
    }

    @Test
    void aStaleCopyCannotRestoreEventsTheRelayAlreadyPublished() {
        String id = "task-" + UUID.randomUUID();
        Task stale = tasks.save(Task.create(id, "original"));
        relay.publishPending();

        stale.rename("from a stale copy");
        assertThatThrownBy(() -> tasks.save(stale))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
    }

    @Test
    void eachMarkIsClearedOnceItsDocumentsEventsArePublished() {
        String id = "task-" + UUID.randomUUID();
        tasks.save(Task.create(id, "marked"));

        await(() -> tasks.findById(id).orElseThrow().getPendingEvents().isEmpty() && !hasMark("tasks/" + id));
    }

    @Test
    void aMarkWhoseSaveFailedIsClearedWithoutPublishingAnything() {
        String id = "task-" + UUID.randomUUID();
        tasks.save(Task.create(id, "original"));
        await(() -> !hasMark("tasks/" + id));

        assertThatThrownBy(() -> tasks.insert(Task.create(id, "a duplicate"))).isInstanceOf(DuplicateKeyException.class);
        relay.publishPending();

        assertThat(hasMark("tasks/" + id)).isFalse();
    }

    @Test
    void eventsThatNoMarkPointsToArePublishedByTheFullScanOfTheFirstPass(@Autowired KafkaTemplate<String, byte[]> kafka,
                                                                         @Autowired EventsProperties properties) {
        String id = "task-" + UUID.randomUUID();
        Document unmarked = new Document("_id", id).append("title", "written by hand").append("version", 0L)
                .append("pendingEvents", List.of(new Document("eventId", UUID.randomUUID().toString()).append("type", EventsTestApplication.CREATED)
                        .append("subject", "tasks/" + id).append("time", new java.util.Date()).append("data", "{\"title\":\"written by hand\"}")));
        mongo.getCollection("tasks").insertOne(unmarked);
        OutboxRelay freshRelay = new OutboxRelay(mongo, kafka, properties, new SimpleMeterRegistry());

        assertThat(freshRelay.publishPending()).isPositive();
        try (TopicReader reader = new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC)) {
            assertThat(reader.readUntil(r -> id.equals(r.key()), Duration.ofSeconds(20))).anyMatch(r -> id.equals(r.key()));
        }
        assertThat(reload(id).getPendingEvents()).isEmpty();
    }

    private boolean hasMark(String markId) {
        return mongo.findById(markId, Document.class, OutboxMarks.COLLECTION) != null;
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 20 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Task reload(String id) {
        return tasks.findById(id).orElseThrow();
    }
}
