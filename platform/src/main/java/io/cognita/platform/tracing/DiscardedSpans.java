package io.cognita.platform.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Spans go nowhere unless {@code cognita.tracing.otlp-endpoint} names a collector: this exporter, present only then,
 * takes the place of Quarkus's OTLP exporter (which otherwise sends to localhost:4317 and logs every failure). Trace
 * context is still made and carried, so trace ids join log lines and events even without a collector.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "cognita.tracing.otlp-endpoint", stringValue = "", lookupIfMissing = true)
public class DiscardedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
