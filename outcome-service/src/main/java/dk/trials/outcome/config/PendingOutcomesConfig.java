package dk.trials.outcome.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long outcomes a jobcentre reports for no participant of its own wait, and how many of them are kept
 * ({@code trials.outcomes.pending.*} in application.properties). The expiry round's period,
 * {@code trials.outcomes.expire-pending-every}, is read by its {@code @Scheduled} annotation.
 */
@ConfigMapping(prefix = "trials.outcomes.pending")
public interface PendingOutcomesConfig {

    /** After how long a jobcentre's outcome still waiting for its participant is deleted. */
    @WithDefault("30d")
    Duration expireAfter();

    /** The most outcomes of one jobcentre kept waiting at once, across trials; one more is refused. */
    @WithDefault("10000")
    int perJobcentre();
}
