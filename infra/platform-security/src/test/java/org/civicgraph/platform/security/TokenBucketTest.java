package org.civicgraph.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenOneRequestPerRefill() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).as("empty: half a second until the next token at 2/s").isEqualTo(-SECOND / 2);
        assertThat(bucket.tryTake(SECOND / 2)).isZero();
        assertThat(bucket.tryTake(SECOND / 2)).isNegative();
    }

    @Test
    void anIdleBucketRefillsOnlyUpToItsCapacity() {
        TokenBucket bucket = new TokenBucket(10, 2, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);

        long later = 60 * SECOND;
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isZero();
        assertThat(bucket.tryTake(later)).isNegative();
    }
}
