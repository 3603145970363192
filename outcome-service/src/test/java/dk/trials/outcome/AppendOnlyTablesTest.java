package dk.trials.outcome;

import dk.trials.testing.TestPostgres;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database keeps the formal looks, their audit trail and sign-offs as written (issue 11, item 8): the role
 * outcome-service connects as may read them and add to them, but neither change nor delete a row, whatever the
 * service's code does. Only the tables of working state (projections, outcomes, aggregates, caches, queues) may
 * change; Flyway migrates as the owner and grants every table anew.
 */
@QuarkusTest
class AppendOnlyTablesTest {

    private static final String DATABASE = "outcomes";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Set<String> READ_AND_ADD = Set.of("SELECT", "INSERT");
    private static final Set<String> WORKING = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    @Inject
    EntityManager entityManager;

    @Inject
    Flyway flyway;

    @Test
    void theServiceConnectsAsARoleOfItsOwnThatOwnsNoTable() {
        assertEquals(TestPostgres.username(), entityManager.createNativeQuery("select current_user").getSingleResult());
        assertEquals(0L, ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_tables where tableowner = current_user").getSingleResult()).longValue());
    }

    @Test
    void theServiceAddsToTheLookAuditButCannotChangeOrDeleteAnEntry() {
        // Added in a transaction that is then rolled back, so that no trial of the suite gets a stray entry.
        QuarkusTransaction.begin();
        try {
            assertEquals(1, entityManager.createNativeQuery("""
                    insert into look_audit (trial_id, look, action, actor, at, sha256)
                    values (gen_random_uuid(), 1, 'SIGNED_OFF', 'dmc-member', now(), repeat('0', 64))""").executeUpdate());
        } finally {
            QuarkusTransaction.rollback();
        }

        // Privileges are checked before any row is looked at: refused whether or not a row would match.
        assertRefused("update look_audit set actor = 'someone else'");
        assertRefused("delete from look_audit");
        assertRefused("update monitoring_look set decision = 'CONTINUE'");
        assertRefused("delete from monitoring_look");
        assertRefused("update scheduled_look_check set look = null");
        assertRefused("delete from processed_event");
    }

    @Test
    void onlyTheTablesOfWorkingStateMayChangeAndNoTableMayBeTruncated() throws SQLException {
        Map<String, Set<String>> privileges = TestPostgres.privilegesOfServiceRole(DATABASE);

        for (String appendOnly : Set.of("monitoring_look", "look_audit", "scheduled_look_check", "processed_event",
                "dead_letter_replay")) {
            assertEquals(READ_AND_ADD, privileges.get(appendOnly), appendOnly);
        }
        for (String working : Set.of("trial_plan", "participant", "outcome", "enrolment_count",
                "follow_up_day", "estimate_snapshot", "estimate_version", "estimate_recorded", "upload_in_flight",
                "trial_reconciliation", "outbox_event", "idempotent_request")) {
            assertEquals(WORKING, privileges.get(working), working);
        }
        assertEquals(Set.of("SELECT"), privileges.get("flyway_schema_history"), "the schema's history is the owner's");
        privileges.forEach((table, granted) -> assertTrue(
                granted.equals(READ_AND_ADD) || granted.equals(WORKING) || table.equals("flyway_schema_history"),
                table + " is append-only or working state, never more: " + granted));
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
    private void assertRefused(String sql) {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery(sql).executeUpdate()));
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
