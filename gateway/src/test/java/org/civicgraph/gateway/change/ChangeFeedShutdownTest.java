package org.civicgraph.gateway.change;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeFeedShutdownTest {

    @Test
    void stoppingTheFeedEndsEverySubscriptionSoThatShutdownIsNotHeldByOpenStreams() throws Exception {
        ChangeFeed feed = new ChangeFeed();
        feed.start();
        CompletableFuture<List<ChangeEvent>> first = feed.changes().collectList().toFuture();
        CompletableFuture<List<ChangeEvent>> second = feed.changes().collectList().toFuture();
        assertThat(first).isNotDone();

        feed.stop();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(feed.isRunning()).isFalse();
        assertThat(feed.changes().collectList().block(Duration.ofSeconds(5))).as("a subscription after the stop ends at once").isEmpty();
    }
}
