package org.civicgraph.platform.eventcontracts;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicgraph.platform.events.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every event a service's tests publish against its type's schema, strictly ({@link EventSchemas#problems}):
 * after each test class whose application publishes events, it waits for the outbox to drain, reads what is new on the
 * service's topic and fails the class if an event's data does not match its schema, or its type has none. So every
 * event the integration tests produce, through whatever path, is checked against the published contract.
 *
 * <p>Registered for every Spring test of a module that depends on this one ({@code META-INF/spring.factories}); does
 * nothing for a context without an outbox relay. {@code -Dcivicgraph.events.check-published=false} turns it off.
 */
public class PublishedEventsCheck implements TestExecutionListener, Ordered {

    public static final String ENABLED = "civicgraph.events.check-published";
    private static final Logger log = LoggerFactory.getLogger(PublishedEventsCheck.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_REPORTED = 25;
    private static final Map<String, TopicCursor> cursors = new ConcurrentHashMap<>();
    private static final Map<String, Integer> checkedByType = new TreeMap<>();
    private static volatile EventSchemas schemas;

    @Override
    public int getOrder() {
        return 10_000; // its afterTestClass runs before the context may be closed (DirtiesContext is at 3000)
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED)) || !testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        OutboxRelay relay = context.getBeanProvider(OutboxRelay.class).getIfAvailable();
        Environment environment = context.getEnvironment();
        String topic = environment.getProperty("civicgraph.events.topic");
        String bootstrap = environment.getProperty("spring.kafka.bootstrap-servers");
        if (relay == null || topic == null || bootstrap == null) {
            return;
        }
        waitForOutbox(relay);
        List<ConsumerRecord<String, byte[]>> records;
        try {
            records = cursors.computeIfAbsent(bootstrap + "|" + topic, key -> new TopicCursor(bootstrap, topic)).readNew();
        } catch (RuntimeException e) {
            log.warn("Could not read {} at {} to check the events of {} against their schemas: {}", topic, bootstrap,
                    testContext.getTestClass().getSimpleName(), e.toString());
            return;
        }
        check(testContext.getTestClass(), topic, records);
    }

    private static void check(Class<?> testClass, String topic, List<ConsumerRecord<String, byte[]>> records) {
        if (schemas == null) {
            schemas = EventSchemas.fromClasspath();
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> types = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = header(record, "ce_type");
            String data = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            types.merge(String.valueOf(type), 1, Integer::sum);
            for (String problem : schemas.problems(type, data)) {
                problems.add(type + " (ce_id " + header(record, "ce_id") + ", subject " + header(record, "ce_subject")
                        + "): " + problem + (problems.size() < 3 ? "\n      data: " + data : ""));
            }
        }
        synchronized (checkedByType) {
            types.forEach((type, count) -> checkedByType.merge(type, count, Integer::sum));
            log.info("Checked {} events on {} after {} against their schemas ({} types so far in this run: {})", records.size(),
                    topic, testClass.getSimpleName(), checkedByType.size(), checkedByType);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " event(s) published on " + topic + " by " + testClass.getSimpleName()
                    + " do not match their schema (src/main/resources/events/schemas/):\n  - "
                    + String.join("\n  - ", problems.subList(0, Math.min(MAX_REPORTED, problems.size())))
                    + (problems.size() > MAX_REPORTED ? "\n  ... and " + (problems.size() - MAX_REPORTED) + " more" : ""));
        }
    }

    /** The event types checked so far in this test run, with how many events of each. */
    public static Map<String, Integer> checkedTypes() {
        synchronized (checkedByType) {
            return Map.copyOf(checkedByType);
        }
    }

    private static void waitForOutbox(OutboxRelay relay) {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        try {
            while (relay.pendingCount() > 0 && Instant.now().isBefore(deadline)) {
                relay.wakeUp();
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("Could not count the outbox's pending events: {}", e.toString());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads a topic from where it last stopped to its current end, by partition assignment (no consumer group). */
    private static final class TopicCursor {

        private final KafkaConsumer<String, byte[]> consumer;
        private final String topic;

        TopicCursor(String bootstrap, String topic) {
            this.topic = topic;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        }

        synchronized List<ConsumerRecord<String, byte[]>> readNew() {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return List.of(); // nothing published yet; the topic appears with the first event
            }
            Set<TopicPartition> known = new HashSet<>(consumer.assignment());
            List<TopicPartition> added = partitions.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .filter(p -> !known.contains(p)).toList();
            if (!added.isEmpty()) {
                known.addAll(added);
                consumer.assign(known);
                consumer.seekToBeginning(added);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(5));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!caughtUp(end) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }

        private boolean caughtUp(Map<TopicPartition, Long> end) {
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), Duration.ofSeconds(5)) >= e.getValue());
        }
    }
}
