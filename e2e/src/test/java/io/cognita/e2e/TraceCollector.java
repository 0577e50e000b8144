package io.cognita.e2e;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback in the test JVM: the services export their spans to it over the real
 * protocol (protobuf over HTTP POST), and the tests read what arrived.
 */
final class TraceCollector implements AutoCloseable {

    /** One received span, as the tests look at it. */
    record Received(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
                    java.util.Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<Received> spans = new CopyOnWriteArrayList<>();
    private final List<String> faults = new CopyOnWriteArrayList<>();

    TraceCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                try {
                    receive(ExportTraceServiceRequest.parseFrom(body.readAllBytes()));
                } catch (RuntimeException | IOException | LinkageError e) {
                    faults.add(e.toString());
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
                if (answer.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What could not be read (an empty list when every export was understood). */
    List<String> faults() {
        return List.copyOf(faults);
    }

    int received() {
        return spans.size();
    }

    List<Received> all() {
        return List.copyOf(spans);
    }

    List<Received> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private void receive(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name")).map(KeyValue::getValue)
                    .map(v -> v.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (var span : scope.getSpansList()) {
                    java.util.Map<String, String> attributes = new java.util.HashMap<>();
                    span.getAttributesList().forEach(a -> attributes.put(a.getKey(), a.getValue().toString()));
                    spans.add(new Received(service, hex(span.getTraceId()), hex(span.getSpanId()), hex(span.getParentSpanId()),
                            span.getName(), span.getKind().name(), attributes));
                }
            }
        }
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
