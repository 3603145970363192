package dk.trials.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers a creating request that has no natural key at most once per {@link IdempotencyKey}: the first request with
 * a key runs and its answer (status, Location, body) is kept in {@code idempotent_request} in the same transaction as
 * its effect; a retry with that key, by the same caller for the same operation, gets the kept answer again. A request
 * that fails keeps nothing (its transaction rolls back), so its retry runs afresh.
 * <p>
 * The row is inserted before the request runs: a retry racing the first attempt waits on the row's key until that
 * attempt commits, then answers from it, so two attempts never both take effect. Services list the migration
 * location {@code db/idempotency} in {@code quarkus.flyway.locations}.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final RequestDigests digests;
    private final Caller caller;
    private final Clock clock;

    public IdempotentRequests(EntityManager entityManager, ObjectMapper json, RequestDigests digests, Caller caller,
                              Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.digests = digests;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Runs {@code action} in this transaction unless an answer is kept for the key.
     *
     * @param header    the {@code Idempotency-Key} header as sent, null if none (then the action simply runs)
     * @param operation the operation, e.g. its OpenAPI operationId: a key names a request of one operation only
     * @param request   what defines the request (path parameters and body): the same key with another one is 422
     */
    @Transactional
    public Response answer(String header, String operation, Object request, Supplier<Response> action) {
        Optional<IdempotencyKey> key = IdempotencyKey.fromHeader(header);
        if (key.isEmpty()) {
            return action.get();
        }
        String requestHash = digests.digest(bytes(request));
        int claimed = entityManager.createNativeQuery("""
                        insert into idempotent_request (caller, operation, idempotency_key, request_hash, created_at)
                        values (:caller, :operation, :key, :hash, :now)
                        on conflict do nothing""")
                .setParameter("caller", caller.name())
                .setParameter("operation", operation)
                .setParameter("key", key.get().value())
                .setParameter("hash", requestHash)
                .setParameter("now", clock.instant())
                .executeUpdate();
        return claimed == 1
                ? first(key.get(), operation, action.get())
                : kept(key.get(), operation, requestHash);
    }

    private Response first(IdempotencyKey key, String operation, Response response) {
        URI location = response.getLocation();
        entityManager.createNativeQuery("""
                        update idempotent_request set status = :status, location = :location, body = :body
                        where caller = :caller and operation = :operation and idempotency_key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("body", response.hasEntity() ? text(response.getEntity()) : null)
                .setParameter("caller", caller.name())
                .setParameter("operation", operation)
                .setParameter("key", key.value())
                .executeUpdate();
        return response;
    }

    private Response kept(IdempotencyKey key, String operation, String requestHash) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select request_hash, status, location, body from idempotent_request
                        where caller = :caller and operation = :operation and idempotency_key = :key""")
                .setParameter("caller", caller.name())
                .setParameter("operation", operation)
                .setParameter("key", key.value())
                .getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw ProblemException.unprocessable("Idempotency key reused",
                    "This " + IdempotencyKey.HEADER + " was sent before with a different request; a new request needs a new key",
                    List.of(new FieldError(IdempotencyKey.HEADER, "was used before with a different request")));
        }
        Response.ResponseBuilder answer = Response.status(((Number) row[1]).intValue());
        if (row[2] != null) {
            answer.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            answer.entity(tree((String) row[3])).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return answer.build();
    }

    private byte[] bytes(Object request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object tree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
