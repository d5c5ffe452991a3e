package org.civicgraph.platform.directory;

import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.awaitProcessed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.send;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.closed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.merged;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.registered;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.renamed;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.updatedName;
import static org.civicgraph.platform.directory.PartnerDirectoryEvents.updatedOtherNames;

/**
 * The partner directory's organisation events reach the service through the real broker as partners-service publishes
 * them, in any order and more than once: the local table ends with the newest name, status and merge of each
 * organisation, and {@link OrganisationNames} answers for many ids at once.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.partner-events.group-id=directory-test-${random.uuid}")
class OrganisationNamesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    OrganisationNames names;
    @Autowired
    DirectoryTestApplication.Followed followed;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aLateRegistrationAndARepeatedRenameLeaveTheNewestName() throws Exception {
        CloudEvent registered = registered("names-trust", "Old Trust", T0);
        CloudEvent renamed = renamed("names-trust", "Old Trust", "New Trust", T0.plusSeconds(60));
        CloudEvent updated = updatedName("names-trust", "Old Trust", "New Trust", T0.plusSeconds(60));
        send(kafka, renamed, updated);
        awaitNames(List.of("names-trust"), Map.of("names-trust", "New Trust"));
        awaitProcessed(mongo, updated);

        // The registration read late, the rename again; then a closure, read after them (same key, same order)
        send(kafka, registered, renamed, updated, closed("names-trust", T0.plusSeconds(120)));
        awaitEntry("names-trust", "status", "CLOSED");
        assertThat(names.currentNames(List.of("names-trust"))).containsExactlyEntriesOf(Map.of("names-trust", "New Trust"));

        CloudEvent aliasAdded = updatedOtherNames("names-trust", "[]", "[NT]", T0.plusSeconds(180));
        send(kafka, aliasAdded);
        awaitProcessed(mongo, aliasAdded);
        assertThat(followed.namesGained).as("each name gained followed once, however often it arrives")
                .filteredOn(because -> "names-trust".equals(because.get("organisationId")))
                .extracting(because -> because.get("event")).containsExactly(updated.id(), aliasAdded.id());
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("partner-directory:" + updated.id())), "processed_events")).isEqualTo(1);
    }

    @Test
    void aMergedOrganisationIsNamedAsItsSurvivorIsNowInOneAnswerForManyIds() throws Exception {
        send(kafka, registered("names-duplicate", "Duplicate Care", T0), registered("names-survivor", "Survivor Care", T0),
                registered("names-other", "Other Care", T0));
        CloudEvent merged = merged("names-duplicate", "names-survivor", "Survivor Care", T0.plusSeconds(60));
        send(kafka, merged);
        awaitProcessed(mongo, merged);
        assertThat(followed.merges).contains("names-duplicate->names-survivor");

        send(kafka, updatedName("names-survivor", "Survivor Care", "Survivor Care Group", T0.plusSeconds(120)));

        awaitNames(List.of("names-duplicate", "names-survivor", "names-other", "names-unknown"), Map.of(
                "names-duplicate", "Survivor Care Group", "names-survivor", "Survivor Care Group", "names-other", "Other Care"));
    }

    private void awaitNames(List<String> ids, Map<String, String> expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, String> current = names.currentNames(ids);
        while (!current.equals(expected)) {
            assertThat(Instant.now()).as("names %s in time; are %s", expected, current).isBefore(deadline);
            Thread.sleep(50);
            current = names.currentNames(ids);
        }
    }

    private void awaitEntry(String id, String field, String value) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            org.bson.Document entry = mongo.findById(id, org.bson.Document.class, DirectoryEntries.COLLECTION);
            if (entry != null && value.equals(entry.getString(field))) {
                return;
            }
            assertThat(Instant.now()).as("%s of %s is %s in time", field, id, value).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
