package org.civicgraph.gateway.change;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.cloudevents.NotACloudEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The services' change events, read from their Kafka topics and handed to whoever is subscribed at the moment.
 * Every gateway instance reads every event (a consumer group of its own) from the time it starts; a subscriber
 * that reconnects catches up on what it missed from the topics themselves ({@link ChangeHistory}).
 * <p>
 * When the gateway shuts down, every subscription is ended first: an SSE stream would otherwise count as a request
 * in progress and hold the web server's graceful shutdown for its whole timeout. Subscribers reconnect, to another
 * instance, with the cursor of the last event they saw.
 */
@Component
class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final Sinks.Many<ChangeEvent> changes = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;

    @KafkaListener(topics = "#{'${civicgraph.gateway.change-feed.topics}'.split(',')}",
            groupId = "${civicgraph.gateway.change-feed.group-id}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        try {
            changes.tryEmitNext(ChangeEvent.of(record));
        } catch (NotACloudEventException e) {
            log.warn("Skipped a record on {} that is not a CloudEvent: {}", record.topic(), e.getMessage());
        }
    }

    Flux<ChangeEvent> changes() {
        return changes.asFlux();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown, which stops in a later phase. */
    @Override
    public void stop() {
        running = false;
        changes.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
