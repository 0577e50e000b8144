package io.cognita.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Locale;

/** An RFC 9457 problem detail with Cognita's extension members {@code code}, {@code requestId}, {@code errors}. */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://cognita.dev/problems/";

    public static String typeFor(String code) {
        return TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
