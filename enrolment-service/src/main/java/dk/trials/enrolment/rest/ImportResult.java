package dk.trials.enrolment.rest;

import dk.trials.enrolment.service.Imported;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did: allocations taken over, and citizens skipped because they were already enrolled. */
@Schema(requiredProperties = {"imported", "alreadyEnrolled"})
public record ImportResult(int imported, int alreadyEnrolled) {

    static ImportResult from(Imported imported) {
        return new ImportResult(imported.imported(), imported.alreadyEnrolled());
    }
}
