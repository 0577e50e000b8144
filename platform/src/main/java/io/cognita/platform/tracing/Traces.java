package io.cognita.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Map;

/**
 * W3C trace context where Quarkus does not carry it by itself: into an event (its CloudEvents {@code traceparent}
 * attribute) and out of it again on the relay's and the consumers' own threads, with the trace and span ids in the
 * logging MDC there as Quarkus puts them on request threads.
 */
@ApplicationScoped
public class Traces {

    public static final String TRACEPARENT = "traceparent";
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The traceparent of the span in progress on this thread; null when there is none. */
    public static String currentTraceparent() {
        return traceparent(Span.current().getSpanContext());
    }

    static String traceparent(SpanContext context) {
        return context.isValid()
                ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex()
                : null;
    }

    /**
     * Starts a span as a child of {@code traceparent} (a new trace when it is missing or malformed) without making
     * it current: for work that other threads finish, such as a send the broker acknowledges later.
     */
    public Span start(String name, SpanKind kind, String traceparent, Map<String, String> attributes) {
        Context parent = traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, SINGLE);
        var builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(parent);
        attributes.forEach(builder::setAttribute);
        return builder.startSpan();
    }

    /** Like {@link #start}, and current on this thread (and in its log lines) until the result is closed. */
    public Traced open(String name, SpanKind kind, String traceparent, Map<String, String> attributes) {
        return new Traced(start(name, kind, traceparent, attributes));
    }

    public static String traceparentOf(Span span) {
        return traceparent(span.getSpanContext());
    }

    /** A span current on this thread; closing it ends the span and restores the thread's log context. */
    public static final class Traced implements AutoCloseable {
        private final Span span;
        private final Scope scope;
        private final Object previousTrace;
        private final Object previousSpan;
        private boolean endOnClose = true;

        private Traced(Span span) {
            this.span = span;
            this.scope = span.makeCurrent();
            this.previousTrace = MDC.get(TRACE_ID);
            this.previousSpan = MDC.get(SPAN_ID);
            if (span.getSpanContext().isValid()) {
                MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
                MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
            }
        }

        public void failed(Throwable fault) {
            span.setStatus(StatusCode.ERROR, fault.getClass().getSimpleName());
        }

        /** The span, which closing no longer ends: for work whose outcome is known later (a transaction's commit). */
        public Span keepOpen() {
            endOnClose = false;
            return span;
        }

        @Override
        public void close() {
            scope.close();
            if (endOnClose) {
                span.end();
            }
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        }

        private static void restore(String key, Object previous) {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }
}
