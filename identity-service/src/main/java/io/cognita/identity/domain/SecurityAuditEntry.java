package io.cognita.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** A security-relevant change to an account, kept for investigation (identity's own audit trail). */
@Entity
@Table(name = "security_audit")
public class SecurityAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static SecurityAuditEntry of(String userId, String action, Map<String, Object> detail, Instant at) {
        SecurityAuditEntry entry = new SecurityAuditEntry();
        entry.userId = userId;
        entry.action = action;
        entry.detail = detail;
        entry.createdAt = at;
        return entry;
    }
}
