package io.cognita.org.domain;

import io.cognita.platform.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** A tenant: a school, district or company, with its plan, settings, flags and retention policy. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "org_type", nullable = false)
    public OrgType orgType;

    @Column(name = "billing_account_id")
    public String billingAccountId;

    @Column(name = "payer_user_id")
    public String payerUserId;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_plan", nullable = false)
    public BillingPlan billingPlan;

    @Column(name = "trial_end_date")
    public Instant trialEndDate;

    @Column(name = "is_suspended", nullable = false)
    public boolean suspended;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "suspension_date")
    public Instant suspensionDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public OrgSettings settings;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "feature_flags", nullable = false)
    public FeatureFlags featureFlags;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "retention_policy", nullable = false)
    public RetentionPolicy retentionPolicy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_domains", nullable = false)
    public List<String> allowedDomains = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public long version;

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** 422 unless active. */
    public void suspend(String reason, Instant now) {
        if (suspended) {
            throw new ProblemException(422, "ORG_ALREADY_SUSPENDED", "Organization already suspended",
                    "The organization is already suspended.");
        }
        suspended = true;
        suspensionReason = reason;
        suspensionDate = now.truncatedTo(ChronoUnit.SECONDS);
        updatedAt = suspensionDate;
    }

    /** 422 unless suspended. */
    public void resume(Instant now) {
        if (!suspended) {
            throw new ProblemException(422, "ORG_NOT_SUSPENDED", "Organization not suspended",
                    "Only a suspended organization can be resumed.");
        }
        suspended = false;
        suspensionReason = null;
        suspensionDate = null;
        updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new organization: the tenant defaults of its type, overridden by what the request gives. */
    public static Organization create(OrgDraft draft, TenantDefaults defaults, Instant now) {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.createdAt = now.truncatedTo(ChronoUnit.SECONDS);
        org.billingPlan = defaults.billingPlan;
        org.trialEndDate = defaults.trialEnd(org.createdAt);
        org.payerUserId = draft.payerUserId();
        org.replaceWith(draft, defaults, org.createdAt);
        return org;
    }

    /**
     * Full replace of the descriptive fields. Settings, flags and retention fields the draft leaves out
     * fall back to the tenant defaults; plan, trial, suspension and payer (when not given) are kept.
     */
    public void replaceWith(OrgDraft draft, TenantDefaults defaults, Instant now) {
        name = draft.name().strip();
        orgType = draft.orgType();
        billingAccountId = draft.billingAccountId();
        if (draft.payerUserId() != null) {
            payerUserId = draft.payerUserId();
        }
        settings = defaults.settings.overlay(draft.settings());
        featureFlags = defaults.featureFlags.overlay(draft.featureFlags());
        retentionPolicy = defaults.retentionPolicy.overlay(draft.retentionPolicy());
        allowedDomains = normalise(draft.allowedDomains());
        updatedAt = now.truncatedTo(ChronoUnit.SECONDS);
    }

    private static List<String> normalise(List<String> domains) {
        if (domains == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        domains.forEach(d -> unique.add(d.toLowerCase(Locale.ROOT)));
        return new ArrayList<>(unique);
    }
}
