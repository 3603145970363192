package dk.trials.platform.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest JSON body a resource method takes, in bytes, where it needs more than the
 * {@linkplain JsonBodyLimit#DEFAULT_BYTES default of 1 MiB} (an import of many enrolments). A larger body is answered
 * 413. The service's {@code quarkus.http.limits.max-body-size} must be at least as large.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MaxBodySize {

    long value();
}
