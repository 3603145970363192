package dk.trials.outcome.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How many bulk files are loaded at once ({@code trials.outcomes.bulk.*} in application.properties). */
@ConfigMapping(prefix = "trials.outcomes.bulk")
public interface BulkUploadsConfig {

    /**
     * Bulk files loaded at once. Each holds at most {@code BulkWriters.BATCHES_PER_UPLOAD} (two) of the datasource's
     * connections at a time, so twice this is the most connections bulk uploads can take from the pool.
     */
    @WithDefault("4")
    int concurrentUploads();

    /** The Retry-After of a bulk upload refused because that many are loading. */
    @WithDefault("30s")
    Duration retryAfter();
}
