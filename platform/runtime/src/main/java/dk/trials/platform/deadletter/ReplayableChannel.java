package dk.trials.platform.deadletter;

import dk.trials.platform.inbox.Inbox;

/**
 * An incoming channel of this service whose dead letters an admin may replay, and the routes its consumer applies
 * a record with, so that a replay has exactly the effect the first delivery would have had. A service produces one
 * per consumed channel; {@link DeadLetters} serves them all.
 */
public record ReplayableChannel(String channel, Inbox.Routes routes) {
}
