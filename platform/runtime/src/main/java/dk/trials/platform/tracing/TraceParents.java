package dk.trials.platform.tracing;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of the span running now, so that work done later and elsewhere (an outbox row sent by the
 * relay, a record consumed by another service) joins the trace of the request that caused it.
 */
public final class TraceParents {

    /** The header and column name the W3C Trace Context specification gives the value. */
    public static final String HEADER = "traceparent";

    private TraceParents() {
    }

    /** The current span's {@code traceparent}, or null when no span is recording (tracing off, or outside a request). */
    public static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }
}
