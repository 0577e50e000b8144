package io.cognita.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Found by review: a WebSocket's access_token and an OpenID callback's code went to the collector in url.query. */
class RedactedQueryTest {

    @Test
    void credentialsInTheQueryLeaveNoSpan() {
        InMemorySpanExporter exported = InMemorySpanExporter.create();
        io.opentelemetry.api.common.Attributes attributes;
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new RedactedQuery())
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()) {
            provider.get("test").spanBuilder("GET /api/transcription/live")
                    .setAttribute("url.query", "meetingId=42&access_token=eyJ.secret.sig&afterSeq=3")
                    .setAttribute("url.full", "http://x/api/auth/oidc/callback?code=abc&STATE=def#frag")
                    .startSpan().end();
            attributes = exported.getFinishedSpanItems().get(0).getAttributes();
        }
        assertEquals("meetingId=42&access_token=REDACTED&afterSeq=3", attributes.get(AttributeKey.stringKey("url.query")));
        assertEquals("http://x/api/auth/oidc/callback?code=REDACTED&STATE=REDACTED#frag", attributes.get(AttributeKey.stringKey("url.full")));
        assertEquals("unicode=1&postcode=2", RedactedQuery.redact("unicode=1&postcode=2"), "only whole parameter names");
        // found by the second review: names are compared decoded, as the servers read them
        assertEquals("meetingId=1&access%5Ftoken=REDACTED&c%6Fde=REDACTED&x=%ZZ",
                RedactedQuery.redact("meetingId=1&access%5Ftoken=eyJ.a.b&c%6Fde=abc&x=%ZZ"));
        assertEquals("/p?token=REDACTED#token=frag", RedactedQuery.redact("/p?token=t#token=frag", true));
        assertEquals("next=/a?b&state=REDACTED", RedactedQuery.redact("next=/a?b&state=s"), "a query holding a question mark");
    }
}
