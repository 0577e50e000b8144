package io.cognita.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A CloudEvents 1.0 structured-mode envelope with Cognita's extension attributes. */
@JsonPropertyOrder({"specversion", "id", "source", "type", "time", "subject", "datacontenttype", "orgid", "requestid",
        "traceparent", "data"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(String specversion, String id, String source, String type, String time, String subject,
                            String datacontenttype, String orgid, String requestid, String traceparent, T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
