package dk.trials.enrolment.security;

import dk.trials.platform.messaging.EventCodec;
import dk.trials.testing.ApiOperation;
import dk.trials.testing.OpenApiRoleMatrix;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, as the OpenAPI document says it: every operation called without a token, with a token for another
 * audience, with one issued 9 hours ago, with each role's token and as a jobcentre for its own and for another
 * jobcentre of the trial, each answer the documented one.
 */
@QuarkusTest
class RoleMatrixTest {

    @Inject
    EventCodec codec;

    @Test
    void everyOperationAnswersEveryCallerAsItsDocumentSays() {
        OpenApiRoleMatrix matrix = new OpenApiRoleMatrix(ApiOperation.servedDocument(), DocumentedRequests.OWN,
                DocumentedRequests.OTHER);
        List<String> mismatches = matrix.mismatches(new DocumentedRequests(codec)::forFreshTrial);
        System.out.println("Role matrix:\n  " + String.join("\n  ", matrix.answers()));

        assertEquals(List.of(), mismatches);
        assertTrue(matrix.answers().size() >= 7 * matrix.operations().size(),
                "every operation was called by every kind of caller: " + matrix.answers().size() + " answers");
    }
}
