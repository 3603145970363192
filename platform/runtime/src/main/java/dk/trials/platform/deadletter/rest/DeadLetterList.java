package dk.trials.platform.deadletter.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "The dead letters of every topic this service consumes, oldest first")
public record DeadLetterList(List<DeadLetterView> deadLetters) {
}
