package dk.trials.enrolment.service;

import dk.trials.enrolment.Enrolment;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.problem.Problems;
import dk.trials.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrols a citizen: the trial must be known, the token must act for a jobcentre of the trial, a citizen already
 * enrolled gets the allocation they have, and otherwise the trial must be recruiting and the citizen eligible before
 * the randomiser allocates.
 */
@ApplicationScoped
public class EnrolmentService {

    private final KnownTrials trials;
    private final CprPseudonymiser pseudonymiser;
    private final Randomiser randomiser;
    private final Clock clock;

    public EnrolmentService(KnownTrials trials, CprPseudonymiser pseudonymiser, Randomiser randomiser, Clock clock) {
        this.trials = trials;
        this.pseudonymiser = pseudonymiser;
        this.randomiser = randomiser;
        this.clock = clock;
    }

    public Enrolled enrol(UUID trialId, EnrolCitizen command, Caller caller) {
        ActiveTrial trial = trials.require(trialId);
        caller.requireActingFor(command.jobcentre());
        if (!trial.hasJobcentre(command.jobcentre())) {
            throw ProblemException.forbidden("Jobcentre " + command.jobcentre() + " does not take part in trial " + trialId);
        }
        CprNumber cpr = Citizens.require("cpr", command.cpr());
        String participant = pseudonymiser.pseudonym(cpr);
        if (trial.status() != TrialStatus.RECRUITING) {
            return existing(trialId, participant).orElseThrow(() ->
                    ProblemException.conflict("Trial " + trialId + " is " + trial.status() + ", not RECRUITING"));
        }
        LocalDate today = LocalDate.now(clock);
        ParticipantProfile profile = new ParticipantProfile(command.jobcentre(), cpr.ageOn(today), cpr.gender(),
                command.benefitType(), command.weeksUnemployed());
        List<FieldError> failures = EligibilityCheck.failures(trial, profile, today);
        if (!failures.isEmpty()) {
            return existing(trialId, participant).orElseThrow(() -> ProblemException.unprocessable("Not eligible",
                    "The citizen fails " + Problems.count(failures.size(), "eligibility criterion", "eligibility criteria"),
                    failures));
        }
        // The common case is a new citizen, so the allocation is attempted straight away; the unique constraint
        // turns a repeated or racing request into the existing enrolment.
        try {
            return new Enrolled(randomiser.enrol(trial, participant, command.jobcentre(), trial.levels(profile), caller.name()), true);
        } catch (AlreadyEnrolledException repeated) {
            return existing(trialId, participant).orElseThrow();
        }
    }

    /**
     * A citizen enrolled earlier gets the enrolment they have even where a new one would now be refused (the trial
     * paused, the citizen no longer eligible): the answer to a repeated request never changes.
     */
    private static Optional<Enrolled> existing(UUID trialId, String participant) {
        return Enrolment.of(trialId, participant).map(e -> new Enrolled(e, false));
    }

    public Enrolment get(UUID trialId, UUID enrolmentId) {
        Enrolment enrolment = Enrolment.findById(enrolmentId);
        if (enrolment == null || !enrolment.trialId.equals(trialId)) {
            throw ProblemException.notFound("No enrolment " + enrolmentId + " in trial " + trialId);
        }
        return enrolment;
    }
}
