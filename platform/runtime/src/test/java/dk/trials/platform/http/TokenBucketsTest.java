package dk.trials.platform.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(2, 3, 100, now::get);

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void a_key_may_send_its_burst_at_once_and_then_waits_for_the_rate() {
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));
        assertEquals(0, buckets.take("a"));

        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), buckets.take("a"), "2 a second: the next in 0.5 s");
        advance(499);
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1), buckets.take("a"));
        advance(1);
        assertEquals(0, buckets.take("a"));
    }

    @Test
    void a_refused_request_costs_nothing() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        for (int i = 0; i < 10; i++) {
            buckets.take("a");
        }
        advance(500);

        assertEquals(0, buckets.take("a"));
    }

    @Test
    void the_bucket_refills_no_higher_than_the_burst() {
        advance(TimeUnit.HOURS.toMillis(1));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.take("a"));
        }

        assertEquals(TimeUnit.MILLISECONDS.toNanos(500), buckets.take("a"));
    }

    @Test
    void each_key_has_its_own_bucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }

        assertEquals(0, buckets.take("b"));
    }

    @Test
    void the_least_recently_seen_keys_are_forgotten_beyond_the_tracked_number() {
        for (int i = 0; i < 1_000; i++) {
            buckets.take("key-" + i);
        }

        assertEquals(100, buckets.tracked());
    }

    @Test
    void a_limit_needs_a_positive_rate_and_burst() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, 1, now::get));
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, 1, now::get));
    }
}
