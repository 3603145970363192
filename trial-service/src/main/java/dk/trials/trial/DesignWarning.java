package dk.trials.trial;

/**
 * Something about a design that weakens it without breaking a rule, such as allocations a jobcentre could foresee:
 * shown with the trial and kept in its audit trail, never a refusal. Also the document stored in an audit entry's
 * {@code warnings} column, so a component is never renamed.
 *
 * @param field   the part of the design it is about, as errors name fields
 * @param message why it is a risk and what would remove it
 */
public record DesignWarning(String field, String message) {
}
