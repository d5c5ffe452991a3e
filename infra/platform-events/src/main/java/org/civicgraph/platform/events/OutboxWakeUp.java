package org.civicgraph.platform.events;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/** Wakes the relay as soon as an aggregate with new events is saved, so events leave within milliseconds. */
class OutboxWakeUp extends AbstractMongoEventListener<AggregateRoot> {

    private final OutboxRelay relay;

    OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<AggregateRoot> event) {
        if (!event.getSource().getPendingEvents().isEmpty()) {
            relay.wakeUp();
        }
    }
}
