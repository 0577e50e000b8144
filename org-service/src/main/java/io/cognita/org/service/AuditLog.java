package io.cognita.org.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cognita.org.domain.AuditEntry;
import io.cognita.org.repository.AuditLogRepository;
import io.cognita.platform.request.RequestId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Writes audit entries in the transaction of the change they describe. */
@ApplicationScoped
public class AuditLog {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final AuditLogRepository entries;
    private final ObjectMapper json;

    public AuditLog(AuditLogRepository entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    /** {@code orgId} null for a change of the platform's configuration. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID orgId, String actor, String action, String target, Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.orgId = orgId;
        entry.actor = actor;
        entry.action = action;
        entry.target = target;
        entry.before = before == null ? null : json.convertValue(before, AS_MAP);
        entry.after = after == null ? null : json.convertValue(after, AS_MAP);
        entry.requestId = RequestId.current();
        // the real time of the change, not the business clock: entries must keep the order they were written in
        entry.at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        entries.persist(entry);
    }
}
