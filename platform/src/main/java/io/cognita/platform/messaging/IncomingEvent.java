package io.cognita.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** A CloudEvent as a consumer reads it: the envelope attributes it needs and the raw data (tolerant reader). */
public record IncomingEvent(String id, String type, String source, String subject, String orgId, String requestId,
                            String traceparent, JsonNode data) {

    /** The Kafka header that carries the event's type (CloudEvents' Kafka binding), so readers can skip without parsing. */
    public static final String TYPE_HEADER = "ce_type";

    /** The record's ce_type header, or null when it has none or an empty one (then only the body says the type). */
    public static String typeHeader(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TYPE_HEADER);
        if (header == null || header.value() == null || header.value().length == 0) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    static IncomingEvent of(JsonNode envelope) {
        return new IncomingEvent(text(envelope, "id"), text(envelope, "type"), text(envelope, "source"),
                text(envelope, "subject"), text(envelope, "orgid"), text(envelope, "requestid"), text(envelope, "traceparent"),
                envelope.path("data"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
