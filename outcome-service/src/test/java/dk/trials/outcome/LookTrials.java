package dk.trials.outcome;

import dk.trials.events.EventType;
import dk.trials.events.trial.ArmDesign;
import dk.trials.events.trial.ComparisonPlan;
import dk.trials.events.trial.MonitoringPlan;
import dk.trials.events.trial.PowerAssumptions;
import dk.trials.events.trial.TrialDesign;
import dk.trials.events.trial.TrialStatus;
import dk.trials.outcome.service.EnrolmentProjection;
import dk.trials.outcome.service.IncomingOutcome;
import dk.trials.outcome.service.OutcomeIngestion;
import dk.trials.events.outcome.OutcomeType;
import dk.trials.platform.messaging.EventCodec;
import dk.trials.platform.time.TrialsClock;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Trials to take looks on: a two-arm trial (treatment against control, 1:1) monitored by the default plan (looks at
 * ½, ¾ and all of each comparison's planned events, asOF, lag 14 days, 06:00), its participants enrolled all on one
 * day through the service's own projection, and their job exits reported by REST (bulk and single posts).
 */
public final class LookTrials {

    public static final LocalDate TODAY = LocalDate.now(TrialsClock.ZONE);
    /** Everyone is enrolled on this day, long enough ago that every job exit below lies before any look's cut. */
    public static final LocalDate ENROLLED_ON = TODAY.minusDays(200);

    private final EventCodec codec;
    private final EnrolmentProjection enrolments;
    private final OutcomeIngestion ingestion;

    public LookTrials(EventCodec codec, EnrolmentProjection enrolments, OutcomeIngestion ingestion) {
        this.codec = codec;
        this.enrolments = enrolments;
        this.ingestion = ingestion;
    }

    /** The participants of a trial by arm, in enrolment order. */
    public record Trial(UUID id, List<UUID> treatment, List<UUID> control) {
    }

    /** A RECRUITING two-arm trial with {@code plannedEvents} for its one comparison and {@code perArm} enrolled. */
    public Trial open(int plannedEvents, int perArm) {
        return open(plannedEvents, perArm, MonitoringPlan.defaults());
    }

    public Trial open(int plannedEvents, int perArm, MonitoringPlan plan) {
        UUID trialId = UUID.randomUUID();
        Events.publishTrial(codec, EventType.TRIAL_OPENED, trialId, TrialStatus.RECRUITING, design(plan),
                plannedEvents, List.of(new ComparisonPlan("treatment", "control", 0.05, plannedEvents, 1000, 1000)));
        return new Trial(trialId, enrol(trialId, "treatment", perArm), enrol(trialId, "control", perArm));
    }

    public static TrialDesign design(MonitoringPlan plan) {
        return Events.design(List.of(new ArmDesign("treatment", "treatment", 1, false),
                        new ArmDesign("control", "control", 1, true)), 26,
                new PowerAssumptions(0.3, 0.05, 0.05, 0.8, null), plan);
    }

    public void complete(Trial trial, int plannedEvents) {
        Events.publishTrial(codec, EventType.TRIAL_COMPLETED, trial.id(), TrialStatus.COMPLETED,
                design(MonitoringPlan.defaults()),
                plannedEvents, List.of(new ComparisonPlan("treatment", "control", 0.05, plannedEvents, 1000, 1000)));
    }

    private List<UUID> enrol(UUID trialId, String arm, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        QuarkusTransaction.requiringNew().run(() -> ids.forEach(id -> enrolments.enrolled(List.of(
                Events.enrolled(trialId, id, "pseudonym-" + id, arm, "101", ENROLLED_ON)))));
        return ids;
    }

    /** The i-th participant's job exit, on day i + 1 of follow-up (so two arms reported alike are identical). */
    public static LocalDate exitDay(int i) {
        return ENROLLED_ON.plusDays(i + 1);
    }

    /** Job exits of the first {@code count} participants, as one NDJSON file posted by an admin. */
    public static void postInBulk(UUID trialId, List<UUID> participants, int count, String source) {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < count; i++) {
            file.append(line(participants.get(i), exitDay(i), source + "-" + i));
        }
        given().auth().oauth2(TestTokens.admin()).contentType("application/x-ndjson")
                .body(file.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/trials/{id}/outcomes/bulk", trialId).then().statusCode(200);
    }

    /** Job exits of the first {@code count} participants, one post each. */
    public static void postOneByOne(UUID trialId, List<UUID> participants, int count, String source) {
        for (int i = 0; i < count; i++) {
            given().auth().oauth2(TestTokens.admin()).contentType("application/json")
                    .body(line(participants.get(i), exitDay(i), source + "-" + i).strip())
                    .post("/api/v1/trials/{id}/outcomes", trialId).then().statusCode(201);
        }
    }

    /** Job exits of participants {@code from} until {@code to} as one batch of a bulk file is written. */
    public void ingestBatch(UUID trialId, List<UUID> participants, int from, int to, String source) {
        List<IncomingOutcome> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            batch.add(new IncomingOutcome(trialId, participants.get(i), null, OutcomeType.JOB_EXIT, exitDay(i), source,
                    source + "-" + i, null));
        }
        ingestion.ingest(trialId, batch, false);
    }

    public static LocalTime lookTime() {
        return MonitoringPlan.DEFAULT_LOOK_TIME;
    }

    private static String line(UUID enrolmentId, LocalDate occurredOn, String sourceId) {
        return "{\"enrolmentId\":\"" + enrolmentId + "\",\"type\":\"JOB_EXIT\",\"occurredOn\":\"" + occurredOn
                + "\",\"source\":\"DREAM\",\"sourceId\":\"" + sourceId + "\"}\n";
    }
}
