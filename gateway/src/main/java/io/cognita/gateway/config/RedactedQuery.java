package io.cognita.gateway.config;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;


/**
 * The gateway's copy of platform's RedactedQuery (the gateway does not depend on platform). Query parameters that
 * carry credentials (a WebSocket's {@code access_token}, an OpenID callback's {@code code} and
 * {@code state}) leave no span with their values: the HTTP instrumentation records the whole query string.
 */
@Singleton
@Unremovable
public class RedactedQuery implements SpanProcessor {

    static final String REDACTED = "REDACTED";
    private static final java.util.Set<String> SECRET = java.util.Set.of(
            "access_token", "refresh_token", "id_token", "token", "code", "state", "password");
    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> FULL = AttributeKey.stringKey("url.full");

    @Override
    public void onStart(Context parent, ReadWriteSpan span) {
        redact(span, QUERY, false);
        redact(span, FULL, true);
    }

    private static void redact(ReadWriteSpan span, AttributeKey<String> key, boolean url) {
        String value = span.getAttribute(key);
        if (value != null) {
            String redacted = redact(value, url);
            if (!redacted.equals(value)) {
                span.setAttribute(key, redacted);
            }
        }
    }

    static String redact(String query) {
        return redact(query, false);
    }

    /** The query (or URL) with the value of every credential parameter replaced; names compared decoded, as servers do. */
    static String redact(String value, boolean url) {
        int start = url ? value.indexOf('?') + 1 : 0;
        if (url && start == 0) {
            return value;
        }
        int end = url ? value.indexOf('#', start) : -1;
        String query = value.substring(start, end < 0 ? value.length() : end);
        StringBuilder out = new StringBuilder(value.substring(0, start));
        boolean first = true;
        for (String part : query.split("&", -1)) {
            out.append(first ? "" : "&");
            first = false;
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            out.append(equals >= 0 && SECRET.contains(decoded(name)) ? name + "=" + REDACTED : part);
        }
        return out.append(end < 0 ? "" : value.substring(end)).toString();
    }

    private static String decoded(String name) {
        try {
            return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException malformed) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
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
