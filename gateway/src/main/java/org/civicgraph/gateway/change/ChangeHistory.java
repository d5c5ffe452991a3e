package org.civicgraph.gateway.change;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.civicgraph.platform.cloudevents.NotACloudEventException;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What a subscriber missed while it was away, read back from the topics (so as far back as their retention), then
 * the live feed with no gap: the live events are buffered from before the topics are read to their ends, and those
 * read already are dropped from the buffer. Delivery is at least once; events carry their id for dropping repeats.
 */
@Component
class ChangeHistory {

    private static final Logger log = LoggerFactory.getLogger(ChangeHistory.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<String, byte[]> consumers;
    private final List<String> topics;
    private final int maxEvents;
    private final Duration timeout;

    ChangeHistory(ConsumerFactory<String, byte[]> consumers,
                  @Value("${civicgraph.gateway.change-feed.topics}") List<String> topics,
                  @Value("${civicgraph.gateway.change-feed.resume-max-events:10000}") int maxEvents,
                  @Value("${civicgraph.gateway.change-feed.resume-timeout:20s}") Duration timeout) {
        this.consumers = consumers;
        this.topics = topics;
        this.maxEvents = maxEvents;
        this.timeout = timeout;
    }

    /** The events after the cursor, then the live ones. */
    Flux<ChangeEvent> resume(ChangeCursor cursor, Flux<ChangeEvent> live) {
        if (!topics.contains(cursor.topic())) {
            throw new InvalidInputException("after", "The cursor names a topic this gateway does not follow: " + cursor.topic());
        }
        return Flux.defer(() -> {
            Sinks.Many<ChangeEvent> buffer = Sinks.many().unicast().onBackpressureBuffer();
            Disposable listening = live.subscribe(buffer::tryEmitNext);
            List<ChangeEvent> missed;
            try {
                missed = after(cursor);
            } catch (RuntimeException e) {
                listening.dispose();
                throw e;
            }
            Set<String> sent = new HashSet<>();
            missed.forEach(event -> sent.add(event.id()));
            return Flux.fromIterable(missed)
                    .concatWith(buffer.asFlux().filter(event -> !sent.contains(event.id())))
                    .doFinally(signal -> listening.dispose());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Every event after the cursor up to the topics' ends as they are now, oldest first. */
    List<ChangeEvent> after(ChangeCursor cursor) {
        long started = System.nanoTime();
        Properties settings = new Properties();
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "gateway-change-history", null, settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            if (cursor.offset() < beginnings.getOrDefault(cursor.topicPartition(), 0L)) {
                throw new InvalidInputException("after", "The events after this cursor are older than the topic keeps; read the current state again");
            }
            Map<TopicPartition, Long> fromTime = new HashMap<>();
            partitions.stream().filter(p -> !p.equals(cursor.topicPartition())).forEach(p -> fromTime.put(p, cursor.timestamp()));
            Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(fromTime);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long start = partition.equals(cursor.topicPartition()) ? cursor.offset() + 1
                        : byTime.get(partition) == null ? ends.get(partition) : byTime.get(partition).offset();
                if (start < ends.get(partition)) {
                    consumer.seek(partition, start);
                    remaining.put(partition, ends.get(partition));
                }
            }
            consumer.pause(partitions.stream().filter(p -> !remaining.containsKey(p)).toList());
            List<ChangeEvent> missed = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!remaining.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Reading the missed events took longer than " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end != null && record.offset() < end) {
                        add(record, missed);
                    }
                }
                remaining.keySet().removeIf(partition -> consumer.position(partition) >= remaining.get(partition));
                if (missed.size() > maxEvents) {
                    throw new InvalidInputException("after", "More than " + maxEvents + " events happened since this cursor; read the current state again");
                }
            }
            missed.sort(Comparator.comparing((ChangeEvent event) -> event.cursor().timestamp()));
            log.info("Resumed a subscription after {}: {} missed events in {} ms", cursor.encode(), missed.size(), (System.nanoTime() - started) / 1_000_000);
            return missed;
        }
    }

    private static void add(ConsumerRecord<String, byte[]> record, List<ChangeEvent> into) {
        try {
            into.add(ChangeEvent.of(record));
        } catch (NotACloudEventException e) {
            log.warn("Skipped a record on {} that is not a CloudEvent: {}", record.topic(), e.getMessage());
        }
    }
}
