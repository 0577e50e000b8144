package io.cognita.org.rest;

import io.cognita.org.domain.AuditFilter;
import io.cognita.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The audit-log query parameters (actor, action, from, to), checked. */
final class AuditLogQuery {

    private AuditLogQuery() {
    }

    static AuditFilter filter(String actor, String action, String from, String to) {
        return new AuditFilter(blankToNull(actor), blankToNull(action), instant("from", from), instant("to", to));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 UTC time such as 2025-10-22T14:30:00Z");
        }
    }
}
