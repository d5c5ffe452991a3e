package org.civicgraph.platform.security;

/** Allows up to {@code capacity} requests at once, refilled at {@code perSecond}; thread-safe. */
final class TokenBucket {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, double capacity, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one; otherwise returns how many nanoseconds until there will be, as a negative number. */
    synchronized long tryTake(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - refilledAt) * perSecond / 1e9);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return -(long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }
}
