package dk.trials.trial;

import dk.trials.testing.TestPostgres;
import dk.trials.testing.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database keeps trial-service's audit trail and amendments as written (issue 11, item 8): the role the service
 * connects as may read them and add to them, but neither change nor delete a row, whatever the service's code does.
 * Only the tables of working state may change; Flyway migrates as the owner and grants every table anew.
 */
@QuarkusTest
class AppendOnlyTablesTest {

    private static final String DATABASE = "trials";
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
    void theServiceAddsToTheAuditTrailButCannotChangeOrDeleteAnEntry() {
        String trialId = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.RCT).post("/api/v1/trials").then().statusCode(201).extract().path("id");
        assertEquals(List.of("CREATED"), auditActions(trialId), "the service wrote the creation's entry");

        assertRefused("update trial_audit set actor = 'someone else' where trial_id = cast(?1 as uuid)", trialId);
        assertRefused("delete from trial_audit where trial_id = cast(?1 as uuid)", trialId);

        assertEquals(List.of("CREATED"), auditActions(trialId), "the entry is as written");
        assertEquals("test-trial-designer", entityManager.createNativeQuery(
                "select actor from trial_audit where trial_id = cast(?1 as uuid)").setParameter(1, trialId).getSingleResult());
    }

    @Test
    void anAmendmentIsKeptAsWrittenWhileTheTrialItselfStillChanges() {
        String trialId = given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body(TrialDesigns.RCT).post("/api/v1/trials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.designer()).post("/api/v1/trials/{id}/open", trialId).then().statusCode(200);
        given().auth().oauth2(TestTokens.designer()).contentType(ContentType.JSON)
                .body("{\"reason\": \"More participants\", \"plannedParticipants\": 2500}")
                .post("/api/v1/trials/{id}/amendments", trialId).then().statusCode(201);

        assertRefused("update trial_amendment set reason = 'rewritten' where trial_id = cast(?1 as uuid)", trialId);
        assertRefused("delete from trial_amendment where trial_id = cast(?1 as uuid)", trialId);
        assertEquals("More participants", entityManager.createNativeQuery(
                "select reason from trial_amendment where trial_id = cast(?1 as uuid)").setParameter(1, trialId).getSingleResult());
        // The trial's own row is working state: the amendment changed it, through the same role.
        assertEquals(1, ((Number) entityManager.createNativeQuery("select amendments from trial where id = cast(?1 as uuid)")
                .setParameter(1, trialId).getSingleResult()).intValue());
    }

    @Test
    void onlyTheTablesOfWorkingStateMayChangeAndNoTableMayBeTruncated() throws SQLException {
        Map<String, Set<String>> privileges = TestPostgres.privilegesOfServiceRole(DATABASE);

        assertEquals(READ_AND_ADD, privileges.get("trial_audit"));
        assertEquals(READ_AND_ADD, privileges.get("trial_amendment"));
        assertEquals(WORKING, privileges.get("trial"));
        assertEquals(WORKING, privileges.get("outbox_event"));
        assertEquals(WORKING, privileges.get("idempotent_request"));
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

    private List<?> auditActions(String trialId) {
        return entityManager.createNativeQuery("select action from trial_audit where trial_id = cast(?1 as uuid) order by id")
                .setParameter(1, trialId).getResultList();
    }

    /** Runs the statement as the service would, in a transaction of its own, and expects the database to refuse it. */
    private void assertRefused(String sql, String trialId) {
        RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                entityManager.createNativeQuery(sql).setParameter(1, trialId).executeUpdate()));
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
