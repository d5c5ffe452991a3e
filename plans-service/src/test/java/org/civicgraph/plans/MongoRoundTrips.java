package org.civicgraph.plans;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the reads the service sends to MongoDB, leaving out the outbox relay's own polling, so that a test can show
 * that a report costs the same number of round trips whatever the plan's size. Picked up by every test context.
 */
@Component
public class MongoRoundTrips implements MongoClientSettingsBuilderCustomizer, CommandListener {

    private static final Set<String> READS = Set.of("find", "aggregate", "count", "getMore", "distinct");
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public void customize(com.mongodb.MongoClientSettings.Builder settings) {
        settings.addCommandListener(this);
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (READS.contains(event.getCommandName()) && !Thread.currentThread().getName().startsWith("outbox-relay")
                && !event.getCommand().toJson().contains("pendingEvents")) {
            reads.incrementAndGet();
        }
    }

    /** How many reads the action sent. Nothing else may read meanwhile: tests run one at a time. */
    public int during(Runnable action) {
        int before = reads.get();
        action.run();
        return reads.get() - before;
    }
}
