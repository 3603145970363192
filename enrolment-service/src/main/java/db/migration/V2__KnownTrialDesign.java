package db.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Flyway migration 2, beside the SQL ones in {@code db/migration}. Until then {@code known_trial.snapshot} held the
 * trial event's payload as it arrived; it becomes {@code known_trial.design}, the stored trial document in its
 * schema version 1, with the design normalised (block sizes rounded up to whole multiples of the arms' total weight,
 * two rounds of the weights when none are given, the minimisation probability defaulting to 0.8).
 * <p>
 * A migration must give the same rows whenever it runs, so it is frozen: the stored payload's shape, the document's
 * shape and the normalisation are copied here as they stood when it was written, and it depends on none of the
 * classes that live on (the trial event, the entity's document, the consumer's mapping). Quarkus registers Java
 * migrations found under a Flyway location at build time.
 */
public class V2__KnownTrialDesign implements JavaMigration {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final int SCHEMA_VERSION = 1;
    private static final double DEFAULT_MINIMISATION_PROBABILITY = 0.8;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "known trial design document";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table known_trial rename column snapshot to design");
        }
        convertStoredEvents(context.getConnection());
    }

    /** Rewrites every row that still holds a trial event's payload (it has no schema version) as a document. */
    public static int convertStoredEvents(Connection connection) throws SQLException, JsonProcessingException {
        Map<UUID, String> documents = new LinkedHashMap<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery(
                     "select id, cast(design as text) from known_trial where design -> 'schemaVersion' is null")) {
            while (rows.next()) {
                StoredEvent event = JSON.readValue(rows.getString(2), StoredEvent.class);
                documents.put(rows.getObject(1, UUID.class), JSON.writeValueAsString(document(event.design())));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update known_trial set design = cast(? as jsonb) where id = ?")) {
            for (Map.Entry<UUID, String> document : documents.entrySet()) {
                update.setString(1, document.getValue());
                update.setObject(2, document.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return documents.size();
    }

    /** The payload of a trial event as it was stored: only the parts the document keeps are read. */
    private record StoredEvent(StoredDesign design) {
    }

    private record StoredDesign(List<StoredArm> arms, StoredRandomisation randomisation, StoredEligibility eligibility,
                                List<String> jobcentres, StoredPeriod enrolmentPeriod) {
    }

    private record StoredArm(String code, int allocationWeight) {
    }

    /** Methods and factors are kept as the names they were stored under. */
    private record StoredRandomisation(String method, List<Integer> blockSizes, List<String> stratifyBy,
                                       List<Integer> ageBands, List<String> minimisationFactors,
                                       Double minimisationProbability) {
    }

    private record StoredEligibility(List<String> benefitTypes, Integer minAge, Integer maxAge, Integer maxWeeksUnemployed) {
    }

    private record StoredPeriod(LocalDate start, LocalDate end) {
    }

    /** The stored trial document, schema version 1, in the field order the service writes it. */
    private record Document(int schemaVersion, List<Arm> arms, Randomisation randomisation, Eligibility eligibility,
                            List<String> jobcentres, Period enrolmentPeriod) {
    }

    private record Arm(String code, int allocationWeight) {
    }

    private record Randomisation(String method, List<Integer> blockSizes, List<String> stratifyBy, List<Integer> ageBands,
                                 List<String> minimisationFactors, Double minimisationProbability) {
    }

    private record Eligibility(List<String> benefitTypes, Integer minAge, Integer maxAge, Integer maxWeeksUnemployed) {
    }

    private record Period(LocalDate start, LocalDate end) {
    }

    private static Document document(StoredDesign design) {
        int totalWeight = design.arms().stream().mapToInt(StoredArm::allocationWeight).sum();
        StoredRandomisation r = design.randomisation();
        // A total weight below 1 makes no block: such a design was refused upstream, and allocation refuses the
        // missing sizes rather than the migration failing on the row.
        List<Integer> blockSizes = "PERMUTED_BLOCK".equals(r.method()) && totalWeight > 0
                ? blockSizes(r.blockSizes(), totalWeight) : null;
        Double probability = "MINIMISATION".equals(r.method())
                ? (r.minimisationProbability() != null ? r.minimisationProbability() : DEFAULT_MINIMISATION_PROBABILITY)
                : null;
        StoredEligibility e = design.eligibility();
        StoredPeriod period = design.enrolmentPeriod();
        return new Document(SCHEMA_VERSION,
                design.arms().stream().map(a -> new Arm(a.code(), a.allocationWeight())).toList(),
                new Randomisation(r.method(), blockSizes, r.stratifyBy(), r.ageBands(), r.minimisationFactors(), probability),
                e == null ? null : new Eligibility(e.benefitTypes(), e.minAge(), e.maxAge(), e.maxWeeksUnemployed()),
                design.jobcentres(),
                period == null ? null : new Period(period.start(), period.end()));
    }

    /** Each size rounded up to a whole multiple of the total weight; two rounds of the weights when none is given. */
    private static List<Integer> blockSizes(List<Integer> requested, int totalWeight) {
        if (requested == null || requested.isEmpty()) {
            return List.of(2 * totalWeight);
        }
        return requested.stream()
                .map(size -> Math.max(1, (Math.max(size, 1) + totalWeight - 1) / totalWeight) * totalWeight)
                .toList();
    }
}
