package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bill of one closed period: the plan's price plus overage of transcription minutes. */
@Entity
@Table(name = "invoices")
public class Invoice {

    public record Line(String description, long quantity, long unitCents, long amountCents) {
    }

    @Id
    public UUID id;

    @Column(name = "org_id", nullable = false)
    public UUID orgId;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public String plan;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Line> lines;

    @Column(name = "total_cents", nullable = false)
    public long totalCents;

    @Column(nullable = false)
    public String currency;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
}
