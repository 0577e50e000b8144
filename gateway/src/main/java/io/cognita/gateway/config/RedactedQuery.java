package io.cognita.gateway.config;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;

import java.util.regex.Pattern;

/**
 * The gateway's copy of platform's RedactedQuery (the gateway does not depend on platform). Query parameters that
 * carry credentials (a WebSocket's {@code access_token}, an OpenID callback's {@code code} and
 * {@code state}) leave no span with their values: the HTTP instrumentation records the whole query string.
 */
@Singleton
@Unremovable
public class RedactedQuery implements SpanProcessor {

    static final String REDACTED = "REDACTED";
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:^|[?&;])(?:access_token|refresh_token|id_token|token|code|state|password)=)[^&;#]*");
    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        redact(span, QUERY);
        redact(span, FULL);
    }

    private static void redact(ReadWriteSpan span, AttributeKey<String> key) {
        String value = span.getAttribute(key);
        if (value != null) {
            String redacted = redact(value);
            if (!redacted.equals(value)) {
                span.setAttribute(key, redacted);
            }
        }
    }

    static String redact(String query) {
        return SECRET.matcher(query).replaceAll("$1" + REDACTED);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
