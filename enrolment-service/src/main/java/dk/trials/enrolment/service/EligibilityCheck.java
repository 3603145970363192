package dk.trials.enrolment.service;

import dk.trials.enrolment.TrialDocument;
import dk.trials.events.trial.StratificationFactor;
import dk.trials.platform.problem.FieldError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a citizen may be enrolled into a trial today: the enrolment period, benefit type, weeks unemployed and age
 * (from the CPR birth date, on the enrolment day), and the facts the design stratifies by. Every failed criterion is
 * one entry, under the reason a CONSORT flow counts it by, so a caseworker sees all reasons at once. Messages name
 * the citizen's age and the trial's criteria, never the CPR number nor any other value the request sent.
 */
public final class EligibilityCheck {

    private EligibilityCheck() {
    }

    public static List<Ineligibility> failures(ActiveTrial trial, ParticipantProfile profile, LocalDate today) {
        List<Ineligibility> errors = new ArrayList<>();
        TrialDocument.EnrolmentPeriod period = trial.design().enrolmentPeriod();
        if (!period.contains(today)) {
            fail(errors, ExclusionReason.ENROLMENT_PERIOD, "enrolmentPeriod",
                    "enrolment runs from " + period.start() + " to " + period.end() + "; today is " + today);
        }
        TrialDocument.Eligibility criteria = trial.design().eligibility();
        List<String> benefitTypes = criteria.benefitTypes();
        if (benefitTypes != null && !benefitTypes.isEmpty()) {
            if (profile.benefitType() == null) {
                fail(errors, ExclusionReason.BENEFIT_TYPE, "benefitType",
                        "is required: the trial enrols only " + String.join(", ", benefitTypes));
            } else if (!benefitTypes.contains(profile.benefitType().name())) {
                fail(errors, ExclusionReason.BENEFIT_TYPE, "benefitType",
                        "is not among the trial's benefit types " + String.join(", ", benefitTypes));
            }
        } else if (profile.benefitType() == null && trial.factors().contains(StratificationFactor.BENEFIT_TYPE)) {
            fail(errors, ExclusionReason.BENEFIT_TYPE, "benefitType",
                    "is required: the trial allocates by benefit type");
        }
        Integer maxWeeks = criteria.maxWeeksUnemployed();
        if (profile.weeksUnemployed() == null) {
            if (maxWeeks != null) {
                fail(errors, ExclusionReason.UNEMPLOYMENT_DURATION, "weeksUnemployed",
                        "is required: the trial enrols up to " + maxWeeks + " weeks of unemployment");
            } else if (trial.factors().contains(StratificationFactor.UNEMPLOYMENT_DURATION)) {
                fail(errors, ExclusionReason.UNEMPLOYMENT_DURATION, "weeksUnemployed",
                        "is required: the trial allocates by unemployment duration");
            }
        } else if (maxWeeks != null && profile.weeksUnemployed() > maxWeeks) {
            fail(errors, ExclusionReason.UNEMPLOYMENT_DURATION, "weeksUnemployed",
                    "is more than the trial's maximum of " + maxWeeks + " weeks");
        }
        if (criteria.minAge() != null && profile.age() < criteria.minAge()) {
            fail(errors, ExclusionReason.AGE, "cpr", "the citizen is " + profile.age() + " on " + today
                    + "; the trial enrols from age " + criteria.minAge());
        }
        if (criteria.maxAge() != null && profile.age() > criteria.maxAge()) {
            fail(errors, ExclusionReason.AGE, "cpr", "the citizen is " + profile.age() + " on " + today
                    + "; the trial enrols up to age " + criteria.maxAge());
        }
        return errors;
    }

    private static void fail(List<Ineligibility> errors, ExclusionReason reason, String field, String message) {
        errors.add(new Ineligibility(reason, new FieldError(field, message)));
    }
}
