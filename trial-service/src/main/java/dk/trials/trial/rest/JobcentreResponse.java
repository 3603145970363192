package dk.trials.trial.rest;

import dk.trials.trial.service.Municipality;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A Danish municipality (kommune), whose jobcentre a trial may run in; {@code code} is the kommunekode. */
@Schema(name = "Jobcentre")
public record JobcentreResponse(
        @Schema(examples = "101") String code,
        @Schema(examples = "København") String name,
        @Schema(examples = "Region Hovedstaden") String region) {

    static JobcentreResponse of(Municipality m) {
        return new JobcentreResponse(m.code(), m.name(), m.region());
    }
}
