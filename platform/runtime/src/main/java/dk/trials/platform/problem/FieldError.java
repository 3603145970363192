package dk.trials.platform.problem;

/** One failed field or rule of a request: {@code field} is a JSON path such as {@code arms[1].allocationWeight}. */
public record FieldError(String field, String message) {
}
