package io.cognita.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The success envelope of every endpoint: {@code {"status":"ok","message":…,"data":…,"meta":…}}. */
@JsonPropertyOrder({"status", "message", "data", "meta"})
public record ApiResponse<T>(String status, String message, T data,
                             @JsonInclude(JsonInclude.Include.NON_NULL) PageMeta meta) {

    public static <T> ApiResponse<T> ok(String message, T data) {
        return new ApiResponse<>("ok", message, data, null);
    }

    public static <T> ApiResponse<List<T>> page(String message, Page<T> page) {
        return new ApiResponse<>("ok", message, page.items(), new PageMeta(page.limit(), page.nextCursor()));
    }
}
