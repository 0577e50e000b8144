package io.cognita.org.domain;

import java.time.Instant;

/** An audit-log query: who did it, which action, and the time range [from, to); each one optional. */
public record AuditFilter(String actor, String action, Instant from, Instant to) {
}
