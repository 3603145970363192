package dk.trials.outcome.rest;

import dk.trials.outcome.CommitteeDecision;
import dk.trials.outcome.service.TextRules;
import dk.trials.platform.problem.FieldErrors;
import dk.trials.platform.problem.Problems;

import java.time.LocalDate;

/**
 * Reads look and sign-off requests by the project's rule: a missing required field or a date that does not parse
 * cannot be read (400); a date outside 1900-01-01..2100-12-31 ({@link DateFields}), a text that is blank, over-long or holds a control
 * character or a CPR-like number ({@link TextRules}), a decision outside the closed set or a sha256 that is not 64
 * lower-case hex digits breaks a rule (422). Rules that need the trial (the cut's range) are the service's.
 */
final class LookRequestReader {

    static final int MAX_REASON = 500;
    static final int MAX_COMMENT = 2000;

    private LookRequestReader() {
    }

    record LookCommand(LocalDate cutDate, String reason) {
    }

    record SignOffCommand(CommitteeDecision decision, String comment, String sha256) {
    }

    static LookCommand look(LookRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            errors.unreadable("body", "must be a look request object");
            errors.throwIfAny("The look request breaks a rule", "The look request cannot be read");
        }
        LocalDate cut = null;
        if (request.cutDate() != null) {
            cut = DateFields.read("cutDate", request.cutDate(), errors);
        }
        text("reason", request.reason(), MAX_REASON, true, errors);
        errors.throwIfAny("The look request breaks a rule", "The look request " + verdict(errors));
        return new LookCommand(cut, request.reason());
    }

    static SignOffCommand signOff(LookSignOffRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request == null) {
            errors.unreadable("body", "must be a sign-off object");
            errors.throwIfAny("The sign-off breaks a rule", "The sign-off cannot be read");
        }
        CommitteeDecision decision = null;
        if (request.decision() == null) {
            errors.unreadable("decision", "must not be null");
        } else {
            try {
                decision = CommitteeDecision.valueOf(request.decision());
            } catch (IllegalArgumentException e) {
                errors.broken("decision", Problems.oneOf(CommitteeDecision.class));
            }
        }
        text("comment", request.comment(), MAX_COMMENT, false, errors);
        if (request.sha256() == null) {
            errors.unreadable("sha256", "must not be null");
        } else if (!request.sha256().matches("[0-9a-f]{64}")) {
            errors.broken("sha256", "must be 64 lower-case hexadecimal digits");
        }
        errors.throwIfAny("The sign-off breaks a rule", "The sign-off " + verdict(errors));
        return new SignOffCommand(decision, request.comment(), request.sha256());
    }

    private static void text(String field, String value, int max, boolean required, FieldErrors errors) {
        if (value == null) {
            if (required) {
                errors.unreadable(field, "must not be null");
            }
        } else {
            TextRules.broken(value, max).ifPresent(rule -> errors.broken(field, rule));
        }
    }

    private static String verdict(FieldErrors errors) {
        return errors.anyUnreadable() ? "cannot be read"
                : "breaks " + Problems.count(errors.all().size(), "rule", "rules");
    }
}
