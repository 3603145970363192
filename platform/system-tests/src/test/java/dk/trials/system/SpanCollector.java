package dk.trials.system;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OTLP/HTTP trace receiver on a free loopback port, standing in for the collector a cluster runs: it keeps every
 * span the services export, with the name of the service that sent it.
 */
final class SpanCollector implements AutoCloseable {

    /** One exported span, reduced to what the tests look at. */
    record ReceivedSpan(String service, String traceId, String name, Span.SpanKind kind, Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    static SpanCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            SpanCollector collector = new SpanCollector(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    collector.receive(ExportTraceServiceRequest.parseFrom(body));
                } catch (RuntimeException | IOException unreadable) {
                    // The server would swallow it; a test waiting for spans then says why there are none.
                    collector.failures.add(unreadable.toString());
                    exchange.sendResponseHeaders(400, -1);
                    exchange.close();
                    return;
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint for QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT (with the http/protobuf protocol). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Exports the collector could not read: " + failures);
        }
        return List.copyOf(spans);
    }

    private void receive(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = strings(resource.getResource().getAttributesList()).get("service.name");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(service, HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                            span.getName(), span.getKind(), strings(span.getAttributesList())));
                }
            }
        }
    }

    private static Map<String, String> strings(List<KeyValue> attributes) {
        return attributes.stream().filter(a -> a.getValue().hasStringValue())
                .collect(Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(), (a, b) -> a));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
