package dk.trials.enrolment.service;

import dk.trials.platform.cpr.CprNumber;
import dk.trials.platform.cpr.CprPseudonymiser;
import dk.trials.platform.cpr.TrialPseudonym;
import dk.trials.events.trial.TrialStatus;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.problem.Problems;
import dk.trials.platform.security.Caller;
import dk.trials.enrolment.Enrolment;
import dk.trials.enrolment.EnrolmentImport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes over allocations made before a trial moved to this system. All lines are checked before anything is
 * written, so a batch is imported whole or not at all; citizens already enrolled are skipped, so a batch can be sent
 * again. Imported allocations are published like any other, marked {@code imported}, with the given date as the
 * analysis start. They do not enter this system's block or minimisation state: that state balances the allocations
 * this system makes.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** Enrolments written per statement: 500 rows of 12 columns stay far below PostgreSQL's 65,535 parameters. */
    private static final int INSERT_BATCH = 500;

    private final KnownTrials trials;
    private final CprPseudonymiser pseudonymiser;
    private final Randomiser randomiser;
    private final EnrolmentNumbering numbering;
    private final Clock clock;

    public ImportService(KnownTrials trials, CprPseudonymiser pseudonymiser, Randomiser randomiser,
                         EnrolmentNumbering numbering, Clock clock) {
        this.trials = trials;
        this.pseudonymiser = pseudonymiser;
        this.randomiser = randomiser;
        this.numbering = numbering;
        this.clock = clock;
    }

    private record Checked(ImportAllocations.Line given, TrialPseudonym participant, ParticipantProfile profile) {
    }

    /**
     * One transaction for the whole batch: all or nothing (its timeout is set where the request's transaction begins,
     * in the resource). The trial's number row stays locked meanwhile, so the trial's live enrolments commit but wait
     * for their numbers until it has committed.
     * The progress is told after each statement's lines are written, in transactions of its own.
     */
    @Transactional
    public Imported importAll(UUID trialId, ImportAllocations command, Caller caller, UploadProgress.Tracker progress) {
        ActiveTrial trial = trials.require(trialId);
        if (trial.status() == TrialStatus.DRAFT || trial.status() == TrialStatus.COMPLETED) {
            throw ProblemException.conflict("The trial is " + trial.status()
                    + "; allocations are taken over only from its opening until it is completed");
        }
        List<Checked> lines = check(trial, command.lines());
        Instant now = clock.instant();
        int imported = 0;
        numbering.holdNumberRow(trialId);
        for (int from = 0; from < lines.size(); from += INSERT_BATCH) {
            List<Enrolment> batch = new ArrayList<>();
            for (Checked line : lines.subList(from, Math.min(lines.size(), from + INSERT_BATCH))) {
                LocalDate enrolledOn = line.given().enrolledOn();
                batch.add(Enrolment.allocated(trialId, line.participant(), line.given().arm(),
                        line.given().jobcentre(), StratumKey.stratum(trial.levels(line.profile())),
                        enrolledOn.atStartOfDay(clock.getZone()).toInstant(), enrolledOn, true, caller.name()));
            }
            imported += randomiser.insertNew(trialId, batch).size();
            int written = Math.min(lines.size(), from + INSERT_BATCH);
            progress.counted(new ImportCounts(lines.size(), written, imported, written - imported));
        }
        // Under the number row held since before the first batch: the imported enrolments commit numbered, their
        // events written.
        numbering.numberTrial(trialId);
        EnrolmentImport audit = new EnrolmentImport();
        audit.id = UUID.randomUUID();
        audit.trialId = trialId;
        audit.importedBy = caller.name();
        audit.importedAt = now;
        audit.submitted = lines.size();
        audit.imported = imported;
        audit.alreadyEnrolled = lines.size() - imported;
        audit.persist();
        LOG.infof("Import %s into trial %s by %s: %d submitted, %d imported, %d already enrolled",
                audit.id, trialId, audit.importedBy, audit.submitted, audit.imported, audit.alreadyEnrolled);
        return new Imported(imported, audit.alreadyEnrolled);
    }

    private List<Checked> check(ActiveTrial trial, List<ImportAllocations.Line> items) {
        List<FieldError> errors = new ArrayList<>();
        List<Checked> lines = new ArrayList<>(items.size());
        Map<TrialPseudonym, Integer> lineOfParticipant = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate periodStart = trial.design().enrolmentPeriod().start();
        for (int i = 0; i < items.size(); i++) {
            ImportAllocations.Line item = items.get(i);
            String at = "enrolments[" + i + "].";
            // The messages name the rule, never the value sent: a mistyped field may hold a CPR number.
            if (!trial.hasJobcentre(item.jobcentre())) {
                errors.add(new FieldError(at + "jobcentre", "is not a jobcentre of the trial"));
            }
            if (!trial.hasArm(item.arm())) {
                errors.add(new FieldError(at + "arm", "is not an arm of the trial"));
            }
            if (item.enrolledOn().isAfter(today)) {
                errors.add(new FieldError(at + "enrolledOn", "is in the future; today is " + today));
            }
            if (item.enrolledOn().isBefore(periodStart)) {
                errors.add(new FieldError(at + "enrolledOn", "is before the trial's enrolment period, which starts on "
                        + periodStart));
            }
            CprNumber cpr = CprNumber.parse(item.cpr()).orElse(null);
            if (cpr == null) {
                errors.add(new FieldError(at + "cpr", CprNumber.RULE));
                continue;
            }
            if (item.enrolledOn().isBefore(cpr.birthDate())) {
                errors.add(new FieldError(at + "enrolledOn", "is before the citizen was born"));
                continue;
            }
            TrialPseudonym participant = pseudonymiser.inTrial(trial.id(), cpr);
            Integer earlier = lineOfParticipant.putIfAbsent(participant, i);
            if (earlier != null) {
                errors.add(new FieldError(at + "cpr", "the same citizen as enrolments[" + earlier + "]"));
            }
            lines.add(new Checked(item, participant, new ParticipantProfile(item.jobcentre(),
                    cpr.ageOn(item.enrolledOn()), cpr.gender(), item.benefitType(), item.weeksUnemployed())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("Invalid import", "The import has "
                    + Problems.count(errors.size(), "invalid entry", "invalid entries") + "; nothing was imported", errors);
        }
        return lines;
    }
}
