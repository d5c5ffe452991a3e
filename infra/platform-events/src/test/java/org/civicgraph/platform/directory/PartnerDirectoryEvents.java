package org.civicgraph.platform.directory;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.cloudevents.EventJson;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner directory's organisation events as partners-service's {@code Organisation} records them (register,
 * rename, edit, close, merge), for the tests of the services that follow the directory's topic. Shared with them as
 * this module's test jar.
 */
public final class PartnerDirectoryEvents {

    private static final String TOPIC = "civicgraph.partners.v1";
    private static final String EDITOR = "test-user@partners-admin";

    private PartnerDirectoryEvents() {
    }

    public static CloudEvent registered(String id, String name, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("name", name);
        data.put("otherNames", List.of());
        data.put("type", "VOLUNTARY_OR_COMMUNITY_GROUP");
        data.put("identifiers", List.of());
        data.put("areasServed", List.of("E10000019"));
        data.put("website", null);
        data.put("contactPoints", List.of());
        data.put("status", "ACTIVE");
        data.put("openedOn", null);
        data.put("units", List.of());
        return event("registered", id, data, at);
    }

    public static CloudEvent renamed(String id, String oldName, String newName, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("name", oldName, newName);
        Map<String, Object> data = changes.eventData("id", id, EDITOR);
        data.put("name", newName);
        return event("renamed", id, data, at);
    }

    public static CloudEvent updatedName(String id, String oldName, String newName, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("name", oldName, newName);
        return event("updated", id, changes.eventData("id", id, EDITOR), at);
    }

    public static CloudEvent updatedOtherNames(String id, String oldNames, String newNames, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("otherNames", oldNames, newNames);
        return event("updated", id, changes.eventData("id", id, EDITOR), at);
    }

    public static CloudEvent closed(String id, Instant at) {
        String closedOn = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        FieldChanges changes = new FieldChanges();
        changes.set("status", "ACTIVE", "CLOSED");
        changes.set("closedOn", null, closedOn);
        Map<String, Object> data = changes.eventData("id", id, EDITOR);
        data.put("closedOn", closedOn);
        data.put("reason", null);
        return event("closed", id, data, at);
    }

    public static CloudEvent merged(String id, String survivorId, String survivorName, Instant at) {
        FieldChanges changes = new FieldChanges();
        changes.set("mergedInto", null, survivorId);
        changes.set("status", "ACTIVE", "CLOSED");
        Map<String, Object> data = changes.eventData("id", id, EDITOR);
        data.put("mergedInto", survivorId);
        data.put("survivorName", survivorName);
        return event("merged", id, data, at);
    }

    /** Publishes the events on the directory's topic, as partners-service does, one after the other. */
    public static void send(KafkaTemplate<String, byte[]> kafka, CloudEvent... events) throws Exception {
        for (CloudEvent event : events) {
            kafka.send(event.toRecord(TOPIC)).get();
        }
    }

    /** Waits until the service's directory listener has processed the event. */
    public static void awaitProcessed(MongoTemplate mongo, CloudEvent event) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Query processed = Query.query(Criteria.where("_id").is(PartnerDirectoryListener.CONSUMER + ":" + event.id()));
        while (!mongo.exists(processed, "processed_events")) {
            assertThat(Instant.now()).as("event %s processed in time", event.id()).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    /** Waits until the service's table of the directory ({@link DirectoryEntries}) has the organisation closed. */
    public static void awaitClosed(MongoTemplate mongo, String id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Query closed = Query.query(Criteria.where("_id").is(id).and("status").is("CLOSED"));
        while (!mongo.exists(closed, DirectoryEntries.COLLECTION)) {
            assertThat(Instant.now()).as("%s closed in time", id).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static CloudEvent event(String what, String id, Map<String, Object> data, Instant at) {
        return new CloudEvent(UUID.randomUUID().toString(), "org.civicgraph.partners.organisation." + what + ".v1",
                "/civicgraph/partners-service", "organisations/" + id, at, id, EventJson.write(data));
    }
}
