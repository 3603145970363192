package dk.trials.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; validation failures list each failed field in errors.")
public record Problem(
        @Schema(description = "URI naming the kind of problem", examples = "urn:trials:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid request") String title,
        @Schema(description = "HTTP status code", examples = "400") int status,
        @Schema(description = "What went wrong with this request", examples = "The request has 1 invalid field") String detail,
        @Schema(description = "Each failed field or rule, for validation failures") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
