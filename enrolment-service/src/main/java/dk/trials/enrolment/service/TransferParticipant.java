package dk.trials.enrolment.service;

/** An admin hands a participant to another jobcentre of the trial, e.g. because the citizen moved municipality. */
public record TransferParticipant(String jobcentre, String reason) {
}
