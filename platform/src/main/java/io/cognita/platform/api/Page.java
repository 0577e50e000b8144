package io.cognita.platform.api;

import java.util.List;

/** One page of a cursor-paged list. */
public record Page<T>(List<T> items, int limit, String nextCursor) {
}
