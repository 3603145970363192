package dk.trials.platform.deadletter.rest;

import dk.trials.platform.deadletter.Replay;
import dk.trials.platform.deadletter.ReplayResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "The result of one replay, as audited")
public record DeadLetterReplayView(
        @Schema(description = "The dead letter replayed") DeadLetterView deadLetter,
        @Schema(description = "APPLIED: applied now; NO_EFFECT: already processed or not a type this service handles; "
                + "REJECTED: still refused, and still on the dead-letter topic") ReplayResult result,
        @Schema(description = "Why it is still refused; null unless REJECTED", nullable = true) String reason,
        @Schema(description = "Who replayed it") String replayedBy,
        @Schema(description = "When") Instant replayedAt) {

    static DeadLetterReplayView from(Replay replay) {
        return new DeadLetterReplayView(DeadLetterView.from(replay.deadLetter()), replay.result(), replay.reason(),
                replay.replayedBy(), replay.replayedAt());
    }
}
