package dk.trials.platform.probe;

import dk.trials.platform.http.MaxBodySize;
import dk.trials.platform.security.Caller;
import dk.trials.platform.time.InputDates;
import dk.trials.platform.validation.FreeText;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A resource of the runtime's tests only: one endpoint per platform rule, so that the rules are tried on the REST
 * stack the services run, without a service's domain around them.
 */
@Path("/api/v1/probe")
public class ProbeResource {

    /** A body with one field of each kind the platform has rules for. */
    public record Sample(@NotNull String name, @FreeText String reason, LocalDate date, Integer count,
                         List<@FreeText String> notes, Map<String, String> labels) {
    }

    /** What the resource read, so that a test can see the value arrived unchanged. */
    public record Read(String name, LocalDate date, int bodyBytes) {
    }

    private final Caller caller;

    public ProbeResource(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Path("/samples")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    public Read sample(@Valid @NotNull Sample sample) {
        return new Read(sample.name(), sample.date(), -1);
    }

    @POST
    @Path("/imports")
    @RolesAllowed("admin")
    @MaxBodySize(4 * 1024 * 1024)
    @Consumes(MediaType.APPLICATION_JSON)
    public Read imported(@Valid @NotNull Sample sample) {
        return new Read(sample.name(), sample.date(), -1);
    }

    @POST
    @Path("/streams")
    @RolesAllowed("admin")
    @Consumes("application/x-ndjson")
    public Read streamed(InputStream lines) throws IOException {
        return new Read(null, null, lines.readAllBytes().length);
    }

    @GET
    @Path("/dates")
    @RolesAllowed("admin")
    public Read date(@QueryParam("asOf") String asOf) {
        return new Read(null, InputDates.parse("asOf", asOf), -1);
    }

    @GET
    @Path("/jobcentres/{code}")
    @RolesAllowed("jobcentre")
    public Read actFor(@PathParam("code") String code) {
        caller.requireActingFor(code);
        return new Read(code, null, -1);
    }

    @GET
    @Path("/open")
    @PermitAll
    public Read open() {
        return new Read("open", null, -1);
    }

    /** Left without a role annotation on purpose: the platform must deny it. */
    @GET
    @Path("/forgotten")
    public Read forgotten() {
        return new Read("forgotten", null, -1);
    }
}
