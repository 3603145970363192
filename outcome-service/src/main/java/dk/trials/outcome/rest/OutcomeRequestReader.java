package dk.trials.outcome.rest;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.FieldErrors;
import dk.trials.platform.problem.Problems;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.ParticipantPseudonyms;
import dk.trials.outcome.service.TextRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads an outcome request: every malformed, missing or rule-breaking field is one error; a CPR number becomes the
 * participant's per-trial pseudonym here and goes no further. The request is unreadable (400) when any field is
 * missing or cannot be parsed (a UUID or a date); a readable one that breaks a rule (cpr and enrolmentId both given, a CPR number that
 * is not ten digits with a real birth date, a type outside the closed set, a date outside 1900-01-01..2100-12-31, a
 * text that is blank, over 200 characters, or holds a control character or a CPR-like number) is unprocessable
 * (422), as in enrolment-service. No error message repeats the value it refuses.
 */
@ApplicationScoped
public class OutcomeRequestReader {

    /**
     * What a type outside the closed set is told. Built once: {@link Problems#oneOf} reads the enum by reflection,
     * and built per bulk line it was a third of everything a bulk upload allocated (bench/README.md, 2 December).
     */
    private static final String TYPE_RULE = Problems.oneOf(OutcomeType.class);

    private final ParticipantPseudonyms pseudonyms;

    public OutcomeRequestReader(ParticipantPseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    /** The outcome, or the field errors in field order, and whether any of them makes it unreadable. */
    public record Read(IncomingOutcome outcome, List<FieldError> errors, boolean unreadable) {
        public boolean ok() {
            return errors.isEmpty();
        }

        static Read unreadable(FieldError error) {
            return new Read(null, List.of(error), true);
        }
    }

    public Read read(UUID trialId, OutcomeRequest request, String reportedByJobcentre) {
        if (request == null) {
            return Read.unreadable(new FieldError("body", "must be an outcome object"));
        }
        FieldErrors errors = new FieldErrors();
        String pseudonym = null;
        UUID enrolmentId = null;
        boolean hasCpr = request.cpr() != null && !request.cpr().isBlank();
        boolean hasEnrolment = request.enrolmentId() != null && !request.enrolmentId().isBlank();
        if (hasCpr && hasEnrolment) {
            errors.broken("cpr", "give either cpr or enrolmentId, not both or neither");
        } else if (!hasCpr && !hasEnrolment) {
            errors.unreadable("cpr", "give either cpr or enrolmentId, not both or neither");
        } else if (hasCpr) {
            Optional<CprNumber> cpr = CprNumber.parse(request.cpr());
            if (cpr.isEmpty()) {
                errors.broken("cpr", CprNumber.RULE);
            } else {
                pseudonym = pseudonyms.of(trialId, cpr.get());
            }
        } else {
            enrolmentId = parsed("enrolmentId", request.enrolmentId(), UUID::fromString, false, "must be a UUID", errors);
        }
        // A value outside a closed set is readable but breaks a rule, as the JSON mapper answers elsewhere.
        OutcomeType type = parsed("type", request.type(), OutcomeType::valueOf, true, TYPE_RULE, errors);
        LocalDate occurredOn = date("occurredOn", request.occurredOn(), errors);
        text("source", request.source(), errors);
        text("sourceId", request.sourceId(), errors);
        if (!errors.isEmpty()) {
            return new Read(null, errors.all(), errors.anyUnreadable());
        }
        return new Read(new IncomingOutcome(trialId, enrolmentId, pseudonym, type, occurredOn, request.source(),
                request.sourceId(), reportedByJobcentre), List.of(), false);
    }

    /**
     * The value as {@code parse} reads it, or null with one error: a missing value cannot be read; one {@code parse}
     * refuses cannot be read either, unless it names a member of a closed set, where it breaks a rule.
     */
    private static <T> T parsed(String field, String value, Function<String, T> parse, boolean closedSet,
                                String message, FieldErrors errors) {
        if (value == null) {
            errors.unreadable(field, "must not be null");
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            if (closedSet) {
                errors.broken(field, message);
            } else {
                errors.unreadable(field, message);
            }
            return null;
        }
    }

    private static LocalDate date(String field, String value, FieldErrors errors) {
        if (value == null) {
            errors.unreadable(field, "must not be null");
            return null;
        }
        return DateFields.read(field, value, errors);
    }

    private static void text(String field, String value, FieldErrors errors) {
        if (value == null) {
            errors.unreadable(field, "must not be blank");
        } else {
            TextRules.broken(value, IncomingOutcome.MAX_TEXT).ifPresent(rule -> errors.broken(field, rule));
        }
    }
}
