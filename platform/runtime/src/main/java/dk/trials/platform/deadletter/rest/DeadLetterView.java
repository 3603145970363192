package dk.trials.platform.deadletter.rest;

import dk.trials.platform.deadletter.DeadLetter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A record this service could not apply and sent to its dead-letter topic: the original record's "
        + "coordinates, the reason and the envelope's id and type, never the payload")
public record DeadLetterView(
        @Schema(description = "The topic the record was read from", examples = "trial-events") String topic,
        @Schema(description = "Its partition there") int partition,
        @Schema(description = "Its offset there") long offset,
        @Schema(description = "Why it was refused") String reason,
        @Schema(description = "The class of the failure", nullable = true) String failure,
        @Schema(description = "The eventId header; null where the record had none", nullable = true) String eventId,
        @Schema(description = "The eventType header; null where the record had none", nullable = true) String eventType,
        @Schema(description = "When it was dead-lettered") Instant deadLetteredAt) {

    static DeadLetterView from(DeadLetter letter) {
        return new DeadLetterView(letter.topic(), letter.partition(), letter.offset(), letter.reason(), letter.failure(),
                letter.eventId(), letter.eventType(), letter.deadLetteredAt());
    }
}
