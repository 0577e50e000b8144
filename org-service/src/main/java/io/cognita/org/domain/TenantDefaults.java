package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.ZoneOffset;

/** What a new organization of one orgType starts with: plan, trial length, settings, flags, retention. */
@Entity
@Table(name = "tenant_defaults")
public class TenantDefaults {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "org_type")
    public OrgType orgType;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_plan", nullable = false)
    public BillingPlan billingPlan;

    /** Trial length in calendar months; 0 means no trial. */
    @Column(name = "trial_months", nullable = false)
    public int trialMonths;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public OrgSettings settings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "feature_flags", nullable = false)
    public FeatureFlags featureFlags;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "retention_policy", nullable = false)
    public RetentionPolicy retentionPolicy;

    /** Midnight UTC of the day {@code trialMonths} calendar months after {@code start}, or null without a trial. */
    public Instant trialEnd(Instant start) {
        if (trialMonths <= 0) {
            return null;
        }
        return start.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(trialMonths).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
