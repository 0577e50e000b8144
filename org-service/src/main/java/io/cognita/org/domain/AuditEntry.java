package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Who did what to which target, with the state before and after; written in the transaction of the change. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    public UUID id;

    @Column(name = "org_id")
    public UUID orgId;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String target;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> after;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "at", nullable = false)
    public Instant at;
}
