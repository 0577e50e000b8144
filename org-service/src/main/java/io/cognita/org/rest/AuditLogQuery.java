package io.cognita.org.rest;

import io.cognita.org.domain.AuditFilter;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The query parameters of an audit-log listing: filters actor, action, from, to (ISO-8601) and paging. */
public class AuditLogQuery {

    @QueryParam("actor")
    String actor;

    @QueryParam("action")
    String action;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    AuditFilter filter() {
        return new AuditFilter(blankToNull(actor), blankToNull(action), instant("from", from), instant("to", to));
    }

    PageRequest page() {
        return PageRequest.of(limit, cursor, 2);
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
