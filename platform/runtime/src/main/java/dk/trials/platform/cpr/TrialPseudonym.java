package dk.trials.platform.cpr;

/**
 * A citizen as one trial knows them. {@code citizen} is the base pseudonym, HMAC(base key, CPR), the same in every
 * trial: enrolment-service keeps it (one allocation per citizen and trial, and the value a key rotation re-keys from)
 * and it never leaves that service. {@code participant} is the per-trial pseudonym with its key id, {@code v1:…}:
 * what is stored elsewhere and published.
 */
public record TrialPseudonym(String citizen, String participant) {
}
