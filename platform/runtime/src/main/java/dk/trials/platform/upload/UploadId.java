package dk.trials.platform.upload;

import dk.trials.platform.problem.FieldError;
import dk.trials.platform.problem.ProblemException;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's name for one long upload (an import of enrolments, a bulk file of outcomes), by which it asks for the
 * upload's progress: 1 to 100 of [A-Za-z0-9._-].
 */
public record UploadId(String value) {

    public static final String HEADER = "Upload-Id";
    public static final int MAX_LENGTH = 100;
    /** Characters that stand unescaped in a URL path, so the id names its progress resource as sent. */
    public static final String PATTERN = "^[A-Za-z0-9._-]{1,100}$";
    /** The header's description in the OpenAPI document. */
    public static final String DESCRIPTION = "Names this upload, so that its progress can be followed at "
            + "GET /api/v1/trials/{trialId}/uploads/{uploadId} while it runs (e.g. a UUID). 1 to 100 characters of "
            + "A-Z, a-z, 0-9, '.', '_' and '-'. An id names one upload: it is refused (409) while that upload runs, "
            + "and for another caller's or another trial's upload; the same caller may reuse its id for the same "
            + "trial once the upload is over, which starts its progress afresh.";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public UploadId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw ProblemException.badRequest("The " + HEADER + " header is not an upload id",
                    List.of(new FieldError(HEADER, "must be 1 to " + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '.', '_' and '-'")));
        }
    }

    /** The id in a path, none if it is not one (and so names no upload). */
    public static Optional<UploadId> inPath(String value) {
        return value != null && FORMAT.matcher(value).matches() ? Optional.of(new UploadId(value)) : Optional.empty();
    }

    /** The id the client sent, none if it sent no header. */
    public static Optional<UploadId> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new UploadId(header));
    }
}
