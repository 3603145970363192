package dk.trials.platform.deadletter;

import java.time.Instant;

/** One replay of a dead letter, as audited: which record, who, when, and what came of it ({@code reason} if refused). */
public record Replay(DeadLetter deadLetter, ReplayResult result, String reason, String replayedBy, Instant replayedAt) {
}
