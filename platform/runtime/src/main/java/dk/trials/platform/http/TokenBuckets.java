package dk.trials.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per key: {@code burst} requests at once, refilled at {@code perSecond}. The map holds at most
 * {@code tracked} keys, the least recently seen one forgotten first (it then starts again with a full bucket), so
 * that a flood of distinct keys costs bounded memory. Time is a monotonic nanosecond source, not the application's
 * {@link java.time.Clock}, which tests and demos may pin.
 */
final class TokenBuckets {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets;

    TokenBuckets(double perSecond, int burst, int tracked, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst < 1 || tracked < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate, burst and number of tracked keys");
        }
        this.perNano = perSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > tracked;
            }
        };
    }

    /** Takes one request from the key's bucket: 0 when it may go ahead, else the nanoseconds until it may. */
    synchronized long take(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perNano);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket.tokens) / perNano);
    }

    synchronized int tracked() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
