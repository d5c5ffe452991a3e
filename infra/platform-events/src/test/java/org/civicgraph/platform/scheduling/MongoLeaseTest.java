package org.civicgraph.platform.scheduling;

import org.bson.Document;
import org.civicgraph.platform.test.MovableClock;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The lease against the test MongoDB server, with a clock the test moves; each test takes a lease name of its own. */
@PlatformIntegrationTest
class MongoLeaseTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class LeaseTestApplication {
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-10T09:00:00Z"), ZoneOffset.UTC);

    @Autowired
    MongoTemplate mongo;

    @Test
    void oneHolderAtATimeUntilTheHolderGivesItBack() {
        MongoLease lease = new MongoLease(mongo, clock);

        assertThat(lease.tryAcquire("two-holders", "a", Duration.ofMinutes(1))).isTrue();
        assertThat(lease.tryAcquire("two-holders", "b", Duration.ofMinutes(1))).as("held by a").isFalse();
        assertThat(lease.tryAcquire("two-holders", "a", Duration.ofMinutes(1))).as("not even a again while it holds it").isFalse();
        lease.release("two-holders", "b");
        assertThat(lease.tryAcquire("two-holders", "b", Duration.ofMinutes(1))).as("only the holder gives it back").isFalse();
        lease.release("two-holders", "a");
        assertThat(lease.tryAcquire("two-holders", "b", Duration.ofMinutes(1))).as("given back by a").isTrue();
        assertThat(mongo.getCollection(MongoLease.COLLECTION).countDocuments(new Document("_id", "two-holders")))
                .as("one document per lease").isEqualTo(1);
    }

    @Test
    void workRunsOnlyWhileItsHolderHoldsTheLeaseWhichIsThenFreeAgain() {
        MongoLease lease = new MongoLease(mongo, clock);
        String name = "work-" + UUID.randomUUID();
        lease.tryAcquire(name, "other", Duration.ofMinutes(5));

        assertThat(lease.whileHolding(name, "me", Duration.ofMinutes(5), () -> "done")).as("held by another").isEmpty();
        lease.release(name, "other");
        assertThat(lease.whileHolding(name, "me", Duration.ofMinutes(5), () -> "done")).contains("done");
        assertThat(lease.tryAcquire(name, "other", Duration.ofMinutes(5))).as("given back after the work").isTrue();
    }

    @Test
    void aLeaseThatRunsOutMayBeTakenByAnother() {
        MongoLease lease = new MongoLease(mongo, clock);

        assertThat(lease.tryAcquire("expiry", "a", Duration.ofMinutes(1))).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(lease.tryAcquire("expiry", "b", Duration.ofMinutes(1))).as("a second before it runs out").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(lease.tryAcquire("expiry", "b", Duration.ofMinutes(1))).as("when it runs out").isTrue();
        lease.release("expiry", "a");
        assertThat(lease.tryAcquire("expiry", "a", Duration.ofMinutes(1))).as("a, which lost it, cannot give b's lease back").isFalse();
    }

    @Test
    void ofManyRacingForAFreeLeaseExactlyOneGetsIt() throws Exception {
        MongoLease lease = new MongoLease(mongo, clock);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String holder = "racer-" + i;
                Callable<Boolean> take = () -> {
                    start.await();
                    return lease.tryAcquire("race", holder, Duration.ofMinutes(1));
                };
                results.add(pool.submit(take));
            }
            start.countDown();
            int taken = 0;
            for (Future<Boolean> result : results) {
                taken += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
