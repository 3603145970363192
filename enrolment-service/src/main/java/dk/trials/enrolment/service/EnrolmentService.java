package dk.trials.enrolment.service;

import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.ParticipantDataRead;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.cpr.TrialPseudonym;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.problem.Problems;
import dk.trials.platform.security.Caller;
import dk.trials.platform.security.CprLookups;
import dk.trials.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enrols a citizen: the trial must be known and the token must act for a jobcentre of the trial. A citizen already
 * enrolled gets the allocation they have, but only from the jobcentre responsible for them (or an admin). Otherwise
 * the trial must be recruiting and the citizen eligible before the randomiser allocates, and only then does another
 * jobcentre learn that the citizen is enrolled elsewhere.
 */
@ApplicationScoped
public class EnrolmentService {

    /** Problem type of a request for a citizen another jobcentre is responsible for. */
    static final String ENROLLED_ELSEWHERE = "enrolled-elsewhere";

    private final KnownTrials trials;
    private final CprPseudonymiser pseudonymiser;
    private final Randomiser randomiser;
    private final NumberingRounds numbering;
    private final ResponsibleJobcentre responsible;
    private final CprLookups lookups;
    private final ParticipantReads reads;
    private final EligibilityScreenings screenings;
    private final Clock clock;

    public EnrolmentService(KnownTrials trials, CprPseudonymiser pseudonymiser, Randomiser randomiser,
                            NumberingRounds numbering, ResponsibleJobcentre responsible, CprLookups lookups,
                            ParticipantReads reads, EligibilityScreenings screenings, Clock clock) {
        this.trials = trials;
        this.pseudonymiser = pseudonymiser;
        this.randomiser = randomiser;
        this.numbering = numbering;
        this.responsible = responsible;
        this.lookups = lookups;
        this.reads = reads;
        this.screenings = screenings;
        this.clock = clock;
    }

    public Enrolled enrol(UUID trialId, EnrolCitizen command, Caller caller) {
        ActiveTrial trial = trials.require(trialId);
        caller.requireActingFor(command.jobcentre());
        if (!trial.hasJobcentre(command.jobcentre())) {
            throw ProblemException.forbidden("The jobcentre does not take part in this trial");
        }
        CprNumber cpr = Citizens.require("cpr", command.cpr());
        TrialPseudonym participant = pseudonymiser.inTrial(trialId, cpr);
        LocalDate today = LocalDate.now(clock);
        ParticipantProfile profile = new ParticipantProfile(command.jobcentre(), cpr.ageOn(today), cpr.gender(),
                command.benefitType(), command.weeksUnemployed());
        boolean recruiting = trial.status() == TrialStatus.RECRUITING;
        List<Ineligibility> failures = recruiting ? EligibilityCheck.failures(trial, profile, today) : List.of();
        if (!recruiting || !failures.isEmpty()) {
            // Only a citizen who is not enrolled is refused: the answer to a repeated request never changes, even
            // where a new enrolment would now be refused (the trial paused, the citizen no longer eligible).
            Optional<Enrolment> earlier = Enrolment.of(trialId, participant);
            if (earlier.isPresent() && actsFor(earlier.get(), command, caller)) {
                return new Enrolled(earlier.get(), false);
            }
            // Anyone else learns what a citizen who is not enrolled would learn, so that a refusal cannot tell
            // whether, let alone where, the citizen is allocated.
            if (!recruiting) {
                throw ProblemException.conflict("The trial is " + trial.status() + ", not RECRUITING");
            }
            // Counted for the trial's CONSORT flow, whoever asked: the count says nothing of any one citizen.
            screenings.refused(trialId, participant, failures);
            throw ProblemException.unprocessable("Not eligible",
                    "The citizen fails " + Problems.count(failures.size(), "eligibility criterion", "eligibility criteria"),
                    failures.stream().map(Ineligibility::error).toList());
        }
        // The common case is a new citizen, so the allocation is attempted without a look for an earlier enrolment
        // first (a round trip per enrolment): the unique constraint refuses the allocation of a citizen already
        // enrolled, nothing written, and the enrolment there is answered by the same rule as above.
        try {
            Enrolment enrolment = randomiser.enrol(trial, participant, command.jobcentre(), trial.levels(profile), caller.name());
            // Committed; answered once numbered, with its event in the outbox, as the allocation checkpoint expects.
            numbering.awaitNumbering();
            return new Enrolled(enrolment, true);
        } catch (AlreadyEnrolledException enrolled) {
            Enrolment earlier = Enrolment.of(trialId, participant).orElseThrow();
            if (!actsFor(earlier, command, caller)) {
                throw enrolledElsewhere();
            }
            return new Enrolled(earlier, false);
        }
    }

    /**
     * An admin acts for every participant; a jobcentre (which the request names, and the token was checked to act
     * for) only for those it is responsible for: the ones it enrolled, or was transferred.
     */
    private boolean actsFor(Enrolment enrolment, EnrolCitizen command, Caller caller) {
        return caller.hasRole(Roles.ADMIN) || responsible.of(enrolment).equals(command.jobcentre());
    }

    /** Says only that the citizen is taken: not by whom, when, nor to which arm. Counted for the alert. */
    private ProblemException enrolledElsewhere() {
        lookups.refused(CprLookups.ENROLLED_ELSEWHERE);
        return new ProblemException(409, ENROLLED_ELSEWHERE, "Enrolled by another jobcentre",
                "The citizen is enrolled in this trial by another jobcentre", null);
    }

    /**
     * One enrolment, for an analyst or admin, or the jobcentre responsible for the participant (else 403); each read
     * is audited.
     */
    @Transactional
    public Participant read(UUID trialId, UUID enrolmentId, Caller caller) {
        Enrolment enrolment = Enrolment.findById(enrolmentId);
        if (enrolment == null || !enrolment.trialId.equals(trialId)) {
            throw ProblemException.notFound("No such enrolment in this trial");
        }
        String jobcentre = responsible.of(enrolment);
        if (!caller.hasRole(Roles.ANALYST)) {
            caller.requireActingFor(jobcentre);
        }
        reads.record(trialId, ParticipantDataRead.Subject.ENROLMENT, enrolmentId, 1, caller);
        return new Participant(enrolment, jobcentre);
    }
}
