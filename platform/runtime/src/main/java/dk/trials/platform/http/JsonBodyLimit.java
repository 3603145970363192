package dk.trials.platform.http;

import dk.trials.platform.problem.ProblemException;
import dk.trials.platform.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Bounds every JSON request body: 1 MiB unless the resource method says otherwise ({@link MaxBodySize}), answered
 * 413 before the body is read where its Content-Length is larger, and as soon as the bytes read pass the limit where
 * it is sent without one (chunked). The HTTP server's own {@code quarkus.http.limits.max-body-size} is one limit for
 * all bodies, so it must be as large as the largest stream a service takes (outcome-service's NDJSON); JSON, read
 * whole into memory, needs this smaller one. Other media types (NDJSON) are bounded by the service that streams them.
 */
@Provider
public class JsonBodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    public static final long DEFAULT_BYTES = 1024 * 1024;

    private static final String LIMIT = JsonBodyLimit.class.getName() + ".limit";

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isJson(request.getMediaType())) {
            return;
        }
        long limit = limitOf(resource.getResourceMethod());
        request.setProperty(LIMIT, limit);
        if (request.getLength() > limit) {
            request.abortWith(Problems.response(tooLarge(limit).toProblem()));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(LIMIT) instanceof Long limit) {
            context.setInputStream(new Bounded(context.getInputStream(), limit));
        }
        return context.proceed();
    }

    static long limitOf(Method method) {
        MaxBodySize declared = method == null ? null : method.getAnnotation(MaxBodySize.class);
        return declared == null ? DEFAULT_BYTES : declared.value();
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "body-too-large", "Request body too large",
                "The request body is larger than the " + limit + " bytes this operation takes", null);
    }

    /** Counts the bytes read and stops the request once they pass the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                // Jackson may wrap this in a mapping exception of the field being read; the mappers unwrap it.
                throw tooLarge(limit);
            }
        }
    }
}
