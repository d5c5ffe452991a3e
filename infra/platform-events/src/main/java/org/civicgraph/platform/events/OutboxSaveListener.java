package org.civicgraph.platform.events;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;

import java.util.List;

/**
 * Marks a document that is about to be saved with new events (see {@link OutboxMarks}), marks it again once it is
 * saved (a pass of the relay may have read the first mark and the document before the save landed), and wakes the
 * relay, so events leave within milliseconds.
 */
class OutboxSaveListener extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;

    OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<AggregateRoot> event) {
        if (event.getSource().getPendingEvents().isEmpty()) {
            return;
        }
        Document document = event.getDocument();
        if (document.get("_id") == null) {
            document.put("_id", new ObjectId()); // what the driver would assign, chosen now so that the mark can name it
        }
        relay.willWriteEvents(event.getCollectionName(), List.of(document.get("_id")));
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().getPendingEvents().isEmpty()) {
            relay.wroteEvents(event.getCollectionName(), List.of(event.getDocument().get("_id")));
        }
    }
}
