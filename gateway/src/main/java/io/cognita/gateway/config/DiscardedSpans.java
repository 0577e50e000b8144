package io.cognita.gateway.config;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * The gateway's copy of platform's DiscardedSpans (the gateway does not depend on platform, which brings the
 * database): spans go nowhere unless {@code cognita.tracing.otlp-endpoint} names a collector.
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
