package dk.trials.outcome.rest;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.platform.problem.FieldError;
import dk.trials.outcome.service.IncomingOutcome;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads an outcome request: every malformed or missing field is one error; a CPR number becomes its keyed
 * pseudonym here and goes no further.
 */
@ApplicationScoped
public class OutcomeRequestReader {

    private static final int MAX_TEXT = 200;

    private final CprPseudonymiser pseudonymiser;

    public OutcomeRequestReader(CprPseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    /** The outcome, or the field errors that make it unreadable. */
    public record Read(IncomingOutcome outcome, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Read read(UUID trialId, OutcomeRequest request, String reportedByJobcentre) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            return new Read(null, List.of(new FieldError("body", "must be an outcome object")));
        }
        String pseudonym = null;
        UUID enrolmentId = null;
        boolean hasCpr = request.cpr() != null && !request.cpr().isBlank();
        boolean hasEnrolment = request.enrolmentId() != null && !request.enrolmentId().isBlank();
        if (hasCpr == hasEnrolment) {
            errors.add(new FieldError("cpr", "give either cpr or enrolmentId, not both or neither"));
        } else if (hasCpr) {
            Optional<CprNumber> cpr = CprNumber.parse(request.cpr());
            if (cpr.isEmpty()) {
                errors.add(new FieldError("cpr", "must be a valid CPR number: 10 digits DDMMYYSSSS with a real birth date"));
            } else {
                pseudonym = pseudonymiser.pseudonym(cpr.get());
            }
        } else {
            try {
                enrolmentId = UUID.fromString(request.enrolmentId());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("enrolmentId", "must be a UUID"));
            }
        }
        OutcomeType type = null;
        if (request.type() == null) {
            errors.add(new FieldError("type", "must not be null"));
        } else {
            try {
                type = OutcomeType.valueOf(request.type());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("type", "must be one of JOB_EXIT, EMIGRATED, DECEASED, LOST_TO_FOLLOW_UP"));
            }
        }
        LocalDate occurredOn = null;
        if (request.occurredOn() == null) {
            errors.add(new FieldError("occurredOn", "must not be null"));
        } else {
            try {
                occurredOn = LocalDate.parse(request.occurredOn());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("occurredOn", "must be an ISO date such as 2027-03-01"));
            }
        }
        text("source", request.source(), errors);
        text("sourceId", request.sourceId(), errors);
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        return new Read(new IncomingOutcome(trialId, enrolmentId, pseudonym, type, occurredOn, request.source(),
                request.sourceId(), reportedByJobcentre), errors);
    }

    private static void text(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }
}
