package org.civicgraph.platform.directory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.CloudEvent;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.Map;

/**
 * Keeps {@link DirectoryEntries}, the service's table of the directory's organisations, from the directory's topic. It
 * reads in a consumer group of its own, so that a service (or a service upgraded to keep the table) fills it from the
 * start of the topic, whatever the group that follows merges has read already. Applying an event again changes nothing
 * and a late one never overwrites newer news, so no event ids need remembering.
 */
class DirectoryNamesListener {

    private final DirectoryEntries entries;

    DirectoryNamesListener(DirectoryEntries entries) {
        this.entries = entries;
    }

    @KafkaListener(topics = "${civicgraph.partner-events.topic:civicgraph.partners.v1}",
            groupId = "${civicgraph.partner-events.names-group-id:${civicgraph.partner-events.group-id:${spring.application.name}.partner-events}.names}",
            autoStartup = "${civicgraph.partner-events.enabled:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = CloudEvent.fromRecord(record);
        if (DirectoryEntries.KEPT.contains(event.type())) {
            entries.record(event, event.dataAs(Map.class));
        }
    }
}
