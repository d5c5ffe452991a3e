package org.civicgraph.platform.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.civicgraph.platform.events.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows the partner directory's events ({@code civicgraph.partners.v1}) in a service that names its organisations, so
 * that the service keeps naming organisations that exist, by their current names:
 * <ul>
 * <li>every organisation's current name, status and merge are kept in a small local table ({@link DirectoryEntries}) by
 * {@link DirectoryNamesListener}, and {@link OrganisationNames} reads it: services keep ids (and names as their sources
 * write them) and show the directory's current name beside them;</li>
 * <li>on a merge ({@code organisation.merged}) each {@link OrganisationMergeFollower} of the service names the survivor
 * where it named the merged organisation, each a recorded change with its own event. Owners are never changed: owning a
 * record is the right to change it, which moves only by a deliberate act;</li>
 * <li>when an organisation gains a name or another name (an {@code organisation.updated} changing {@code name} or
 * {@code otherNames}, which a rename is too), each {@link DirectoryNameFollower} tries again to match what it left
 * unmatched.</li>
 * </ul>
 * A successor (a CCG succeeded by an ICB) is not a merge: records name the body they were made with, and the directory's
 * {@code Organisation.current} leads from it to the body doing its job now.
 * <p>
 * Events are read in order per organisation (the record key); each is followed once ({@link IdempotentConsumer}), and
 * following one again would change nothing anyway. A record that keeps failing is parked on the topic's dead-letter topic.
 */
public class PartnerDirectoryListener {

    /** The name this consumer's processed events are kept under. */
    public static final String CONSUMER = "partner-directory";
    static final String MERGED = DirectoryEntries.MERGED;
    private static final Logger log = LoggerFactory.getLogger(PartnerDirectoryListener.class);

    private final IdempotentConsumer idempotentConsumer;
    private final MergedOrganisations merges;
    private final List<OrganisationMergeFollower> mergeFollowers;
    private final List<DirectoryNameFollower> nameFollowers;

    PartnerDirectoryListener(IdempotentConsumer idempotentConsumer, MergedOrganisations merges,
                             List<OrganisationMergeFollower> mergeFollowers, List<DirectoryNameFollower> nameFollowers) {
        this.idempotentConsumer = idempotentConsumer;
        this.merges = merges;
        this.mergeFollowers = mergeFollowers;
        this.nameFollowers = nameFollowers;
    }

    @KafkaListener(topics = "${civicgraph.partner-events.topic:civicgraph.partners.v1}",
            groupId = "${civicgraph.partner-events.group-id:${spring.application.name}.partner-events}",
            autoStartup = "${civicgraph.partner-events.enabled:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEvent.fromRecord(record);
        // Only the events that may change something are remembered as processed: the directory's many others are
        // dropped without a write.
        if (MERGED.equals(event.type())) {
            idempotentConsumer.handleOnce(CONSUMER, event, merged -> followMerge(merged, merged.dataAs(Map.class)));
        } else if (DirectoryEntries.UPDATED.equals(event.type()) && !nameFollowers.isEmpty()) {
            Map<?, ?> data = event.dataAs(Map.class);
            if (gainedName(data)) {
                idempotentConsumer.handleOnce(CONSUMER, event, updated -> followName(updated, data));
            }
        }
    }

    private void followMerge(CloudEvent event, Map<?, ?> data) {
        String mergedId = text(data, "id", event);
        String survivorId = text(data, "mergedInto", event);
        String survivor = merges.record(mergedId, survivorId);
        Map<String, Object> because = new LinkedHashMap<>();
        because.put("event", event.id());
        because.put("type", event.type());
        because.put("mergedId", mergedId);
        because.put("mergedInto", survivor);
        because.put("mergedBy", data.get("changedBy"));
        int changed = 0;
        for (OrganisationMergeFollower follower : mergeFollowers) {
            changed += follower.followMerge(mergedId, survivor, "partner-directory", because);
        }
        log.info("Followed the merge of organisation {} into {} (event {}): {} records changed", mergedId, survivor, event.id(), changed);
    }

    private void followName(CloudEvent event, Map<?, ?> data) {
        String organisationId = text(data, "id", event);
        Map<String, Object> because = new LinkedHashMap<>();
        because.put("event", event.id());
        because.put("type", event.type());
        because.put("organisationId", organisationId);
        because.put("changedBy", data.get("changedBy"));
        nameFollowers.forEach(follower -> follower.directoryGainedName(organisationId, "partner-directory", because));
    }

    /** An edit that gave the organisation a new name or changed its other names (adding one, typically). */
    private static boolean gainedName(Map<?, ?> data) {
        return data.get("changes") instanceof Map<?, ?> changes
                && (changes.get("name") instanceof Map<?, ?> || changes.get("otherNames") instanceof Map<?, ?>);
    }

    private static String text(Map<?, ?> data, String field, CloudEvent event) {
        Object value = data == null ? null : data.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("Event " + event.id() + " (" + event.type() + ") has no " + field);
        }
        return text;
    }
}
