package gov.keyproject.platform.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code capacity} tokens, refilled at {@code perSecond}. Thread-safe: a bucket is only
 * read and changed inside {@link ConcurrentHashMap#compute}, so a take and an eviction of the same client never
 * interleave.
 *
 * <p>Memory stays bounded: a bucket left alone long enough to refill completely is indistinguishable from a new one,
 * so a periodic sweep drops those. What remains are the clients active within the last refill time plus one sweep
 * interval.
 */
final class TokenBuckets {

    private static final long SWEEP_INTERVAL_NANOS = 10_000_000_000L;

    private final double tokensPerNano;
    private final double capacity;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    TokenBuckets(double perSecond, int capacity, LongSupplier nanoClock) {
        this.tokensPerNano = perSecond / 1e9;
        this.capacity = capacity;
        this.refillNanos = (long) Math.ceil(capacity / tokensPerNano);
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_INTERVAL_NANOS);
    }

    /** Takes a token of {@code client}: 0 when granted, otherwise the nanoseconds until one will be available. */
    long tryTake(String client) {
        long now = nanoClock.getAsLong();
        sweepIfDue(now);
        long[] wait = new long[1];
        buckets.compute(client, (k, bucket) -> {
            Bucket b = bucket == null ? new Bucket(capacity, now) : bucket;
            wait[0] = b.take(now);
            return b;
        });
        return wait[0];
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
            return; // not yet, or another thread is sweeping
        }
        for (String client : buckets.keySet()) {
            buckets.computeIfPresent(client, (k, b) -> now - b.updatedAt >= refillNanos ? null : b);
        }
    }

    /** Mutated only under the map's lock for its key. */
    private final class Bucket {
        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
        }
    }
}
