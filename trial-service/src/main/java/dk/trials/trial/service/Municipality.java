package dk.trials.trial.service;

/** A Danish municipality (kommune), whose jobcentre a trial may run in; {@code code} is the kommunekode. */
public record Municipality(String code, String name, String region) {
}
