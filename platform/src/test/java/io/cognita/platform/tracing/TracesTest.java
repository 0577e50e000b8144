package io.cognita.platform.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event's traceparent is continued by the span that handles it, and the thread's log context follows it. */
class TracesTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Traces traces = new Traces(provider.get("test"));

    @AfterEach
    void close() {
        provider.close();
        MDC.clear();
    }

    @Test
    void aHandledEventIsAChildOfTheSpanThatWroteItAndItsIdsAreInTheLogContextMeanwhile() {
        MDC.put("traceId", "of-the-poll-loop");
        String inside;
        try (Traces.Traced ignored = traces.open("org-roles process", SpanKind.CONSUMER, "00-" + TRACE + "-" + PARENT + "-01",
                Map.of("messaging.system", "kafka"))) {
            assertEquals(TRACE, MDC.get("traceId"));
            inside = Traces.currentTraceparent();
        }
        SpanData span = exported.getFinishedSpanItems().get(0);
        assertEquals(TRACE, span.getTraceId());
        assertEquals(PARENT, span.getParentSpanId());
        assertEquals(SpanKind.CONSUMER, span.getKind());
        assertEquals("00-" + TRACE + "-" + span.getSpanId() + "-01", inside, "what an event written meanwhile carries");
        assertEquals("of-the-poll-loop", MDC.get("traceId"), "the thread's log context is restored");
        assertNull(Traces.currentTraceparent(), "no span is current afterwards");
    }

    /** Found by review: with the SDK off, the relay's header was null.getBytes() and no event left the outbox. */
    @Test
    void withTracingOffThereIsNoTraceparentAndNothingFails() {
        Traces off = new Traces(io.opentelemetry.api.OpenTelemetry.noop().getTracer("off"));
        var span = off.start("cognita.org publish", SpanKind.PRODUCER, null, Map.of());
        assertNull(Traces.traceparentOf(span));
        span.end();
        try (Traces.Traced ignored = off.open("x process", SpanKind.CONSUMER, null, Map.of())) {
            assertNull(Traces.currentTraceparent());
            assertNull(MDC.get("traceId"), "no all-zero trace id in the log lines");
        }
    }

    @Test
    void anEventWithoutAUsableTraceparentStartsATraceOfItsOwn() {
        for (String traceparent : new String[]{null, "", "00-zz-yy-01", "00-" + TRACE + "-" + PARENT}) {
            exported.reset();
            traces.open("org-roles process", SpanKind.CONSUMER, traceparent, Map.of()).close();
            SpanData span = exported.getFinishedSpanItems().get(0);
            assertTrue(span.getSpanContext().isValid(), String.valueOf(traceparent));
            assertFalse(span.getParentSpanContext().isValid(), traceparent + " gave it a parent");
            assertFalse(span.getTraceId().equals(TRACE) && traceparent != null && traceparent.length() < 55,
                    "a truncated traceparent was taken");
        }
        assertNull(MDC.get("traceId"));
    }
}
