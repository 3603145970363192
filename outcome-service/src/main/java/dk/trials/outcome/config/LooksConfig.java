package dk.trials.outcome.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * How formal looks meet the bulk uploads in flight ({@code trials.looks.uploads.*} in application.properties). The
 * schedule's period, {@code trials.looks.schedule-every}, is read by its {@code @Scheduled} annotation.
 */
@ConfigMapping(prefix = "trials.looks.uploads")
public interface LooksConfig {

    /** How long a look on request waits for the trial's uploads in flight before it answers 503. */
    Duration waitAtMost();

    /** How often a waiting look checks again. */
    Duration pollEvery();

    /** After how long without a sign of life an upload's entry is taken for that of a crashed process. */
    Duration expireAfter();
}
