package dk.trials.enrolment;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dk.trials.enrolment.rest.EnrolmentApiTest.citizen;
import static dk.trials.enrolment.rest.EnrolmentApiTest.enrol;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database keeps allocations, the decision log and the audit trails as written (issue 11, item 8): the role
 * enrolment-service connects as may read them and add to them, but neither change nor delete a row, whatever the
 * service's code does. Of an enrolment it may write only what is recorded beside the allocation later. Only the
 * tables of working state may change; Flyway migrates as the owner and grants every table anew.
 */
@QuarkusTest
class AppendOnlyTablesTest {

    private static final String DATABASE = "enrolments";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Set<String> READ_AND_ADD = Set.of("SELECT", "INSERT");
    private static final Set<String> WORKING = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    @Inject
    EntityManager entityManager;

    @Inject
    Flyway flyway;

    @Inject
    EventCodec codec;

    @Test
    void theServiceConnectsAsARoleOfItsOwnThatOwnsNoTable() {
        assertEquals(TestPostgres.username(), entityManager.createNativeQuery("select current_user").getSingleResult());
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_tables where tableowner = current_user").getSingleResult()).longValue());
    }

    @Test
    void theServiceRecordsAnAllocationAndItsDecisionButCannotChangeOrDeleteEither() {
        UUID trialId = Trials.open(codec, Trials.design(Trials.simple(), Trials.ONE_TO_ONE));
        String enrolmentId = enrol(trialId, TestTokens.jobcentre("101"), citizen(Citizens.aged(26), "101"))
                .then().statusCode(201).extract().path("enrolmentId");
        String arm = (String) entityManager.createNativeQuery("select arm from enrolment where id = cast(?1 as uuid)")
                .setParameter(1, enrolmentId).getSingleResult();
        String other = arm.equals("treatment") ? "control" : "treatment";

        assertRefused("update enrolment set arm = '" + other + "' where id = cast(?1 as uuid)", enrolmentId);
        assertRefused("update enrolment set jobcentre = '147' where id = cast(?1 as uuid)", enrolmentId);
        assertRefused("update enrolment set participant = 'someone else' where id = cast(?1 as uuid)", enrolmentId);
        assertRefused("delete from enrolment where id = cast(?1 as uuid)", enrolmentId);
        assertRefused("update allocation_decision set arm = '" + other + "' where enrolment_id = cast(?1 as uuid)", enrolmentId);
        assertRefused("delete from allocation_decision where enrolment_id = cast(?1 as uuid)", enrolmentId);

        assertEquals(arm, entityManager.createNativeQuery("select arm from enrolment where id = cast(?1 as uuid)")
                .setParameter(1, enrolmentId).getSingleResult());
        assertEquals(arm, entityManager.createNativeQuery(
                "select arm from allocation_decision where enrolment_id = cast(?1 as uuid)")
                .setParameter(1, enrolmentId).getSingleResult());
    }

    @Test
    void onlyTheTablesOfWorkingStateMayChangeAndNoTableMayBeTruncated() throws SQLException {
        Map<String, Set<String>> privileges = TestPostgres.privilegesOfServiceRole(DATABASE);

        // An enrolment's UPDATE is of the columns written beside the allocation only (below).
        assertEquals(Set.of("SELECT", "INSERT", "UPDATE"), privileges.get("enrolment"));
        assertEquals(READ_AND_ADD, privileges.get("allocation_decision"));
        assertEquals(READ_AND_ADD, privileges.get("enrolment_import"));
        assertEquals(READ_AND_ADD, privileges.get("dead_letter_replay"));
        assertEquals(READ_AND_ADD, privileges.get("processed_event"), "an event once applied stays applied");
        for (String working : Set.of("known_trial", "allocation_sequence", "enrolment_number", "allocation_checkpoint",
                "outbox_event", "idempotent_request")) {
            assertEquals(WORKING, privileges.get(working), working);
        }
        assertEquals(Set.of("SELECT"), privileges.get("flyway_schema_history"), "the schema's history is the owner's");
        privileges.forEach((table, granted) -> assertTrue(granted.equals(READ_AND_ADD) || granted.equals(WORKING)
                        || table.equals("enrolment") || table.equals("flyway_schema_history"),
                table + " is append-only or working state, never more: " + granted));
    }

    @Test
    void ofAnEnrolmentOnlyItsWithdrawalAndItsNumberMayBeWritten() throws SQLException {
        assertEquals(Set.of("withdrawn_on", "withdrawal_reason", "withdrawn_by", "withdrawn_at", "sequence"),
                TestPostgres.updatableColumns(DATABASE, "enrolment"));
    }

    @Test
    void aTableALaterMigrationAddsIsAppendOnlyForTheServiceOnceMigrated() throws SQLException {
        try (Connection owner = TestPostgres.ownerConnection(DATABASE); Statement s = owner.createStatement()) {
            s.execute("create table later_audit (id uuid primary key, at timestamptz not null)");
            try {
                flyway.migrate();
                assertEquals(READ_AND_ADD, TestPostgres.privilegesOfServiceRole(DATABASE).get("later_audit"));
            } finally {
                s.execute("drop table later_audit");
            }
        }
    }

    @Test
    void theGrantsRefuseAServiceThatWouldConnectAsTheOwnerOfItsTables() throws Exception {
        String grants;
        try (InputStream callback = getClass().getResourceAsStream("/db/roles/afterMigrate.sql")) {
            grants = new String(callback.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${appRole}", TestPostgres.ownerUsername());
        }
        try (Connection owner = TestPostgres.ownerConnection(DATABASE); Statement s = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> s.execute(grants));
            assertTrue(refused.getMessage().contains("which owns its tables or is a superuser"), refused.getMessage());
        }
    }

    /** Runs the statement as the service would, in a transaction of its own, and expects the database to refuse it. */
    private void assertRefused(String sql, String id) {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery(sql).setParameter(1, id).executeUpdate()));
        assertEquals(INSUFFICIENT_PRIVILEGE, sqlState(refused), sql);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        throw new AssertionError("not refused by the database", failure);
    }
}
