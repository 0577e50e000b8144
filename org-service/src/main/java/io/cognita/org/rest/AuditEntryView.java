package io.cognita.org.rest;

import io.cognita.org.domain.AuditEntry;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.api.Page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An audit entry as the API shows it. */
public record AuditEntryView(UUID id, String actor, String action, String target, Map<String, Object> before,
                             Map<String, Object> after, String requestId, Instant at) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.actor, e.action, e.target, e.before, e.after, e.requestId, e.at);
    }

    static ApiResponse<List<AuditEntryView>> page(Page<AuditEntry> page) {
        return ApiResponse.page("Audit log", new Page<>(page.items().stream().map(AuditEntryView::of).toList(),
                page.limit(), page.nextCursor()));
    }
}
