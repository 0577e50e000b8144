package io.cognita.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Paging information of a list response; {@code nextCursor} is null on the last page. */
public record PageMeta(int limit, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
