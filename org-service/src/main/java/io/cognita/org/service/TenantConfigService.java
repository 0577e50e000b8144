package io.cognita.org.service;

import io.cognita.org.domain.BillingPlan;
import io.cognita.org.domain.FeatureFlags;
import io.cognita.org.domain.OrgSettings;
import io.cognita.org.domain.OrgType;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.Plan;
import io.cognita.org.domain.RetentionPolicy;
import io.cognita.org.domain.TenantDefaults;
import io.cognita.org.repository.BillingRepositories;
import io.cognita.org.repository.TenantDefaultsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Tenant defaults per orgType (what a new org starts with) and the effective configuration of an org
 * for its members' clients: tenant defaults, overridden by the plan and the org's own values.
 */
@ApplicationScoped
public class TenantConfigService {

    public record Defaults(OrgType orgType, String billingPlan, int trialMonths, OrgSettings settings,
                           FeatureFlags featureFlags, RetentionPolicy retentionPolicy) {
        static Defaults of(TenantDefaults d) {
            return new Defaults(d.orgType, d.billingPlan.wire(), d.trialMonths, d.settings, d.featureFlags, d.retentionPolicy);
        }
    }

    public record ClientConfig(UUID orgId, String billingPlan, boolean isSuspended, Instant trialEndDate,
                               OrgSettings settings, RetentionPolicy retentionPolicy, FeatureFlags featureFlags) {
    }

    private final TenantDefaultsRepository defaults;
    private final Organizations orgs;
    private final OrgAccess access;
    private final BillingRepositories.Plans plans;
    private final AuditLog audit;

    public TenantConfigService(TenantDefaultsRepository defaults, Organizations orgs, OrgAccess access,
                               BillingRepositories.Plans plans, AuditLog audit) {
        this.defaults = defaults;
        this.orgs = orgs;
        this.access = access;
        this.plans = plans;
        this.audit = audit;
    }

    @Transactional
    public List<Defaults> tenantDefaults() {
        access.actor();
        return defaults.listAll().stream().sorted(Comparator.comparing(d -> d.orgType))
                .map(Defaults::of).toList();
    }

    /** system:admin: replace the defaults of one orgType; fields left out keep their current value. */
    /** PUT: every field given, the defaults become exactly these. */
    @Transactional
    public Defaults replaceDefaults(OrgType type, BillingPlan plan, int trialMonths,
                                    OrgSettings settings, FeatureFlags flags, RetentionPolicy retention) {
        return change(type, d -> {
            d.billingPlan = plan;
            d.trialMonths = trialMonths;
            d.settings = settings;
            d.featureFlags = flags;
            d.retentionPolicy = retention;
        });
    }

    /** PATCH: what is given replaces, what is left out keeps its value. */
    @Transactional
    public Defaults patchDefaults(OrgType type, BillingPlan plan, Integer trialMonths,
                                  OrgSettings settings, FeatureFlags flags, RetentionPolicy retention) {
        return change(type, d -> {
            if (plan != null) {
                d.billingPlan = plan;
            }
            if (trialMonths != null) {
                d.trialMonths = trialMonths;
            }
            d.settings = d.settings.overlay(settings);
            d.featureFlags = d.featureFlags.overlay(flags);
            d.retentionPolicy = d.retentionPolicy.overlay(retention);
        });
    }

    private Defaults change(OrgType type, java.util.function.Consumer<TenantDefaults> edit) {
        access.requireSystemAdmin();
        TenantDefaults d = defaults.findById(type);
        Defaults before = Defaults.of(d);
        edit.accept(d);
        Defaults after = Defaults.of(d);
        audit.record(null, access.actor(), "config.tenant-defaults-updated", "tenant-defaults/" + type.wire(), before, after);
        return after;
    }

    @Transactional
    public FeatureFlags featureFlags(UUID orgId) {
        access.requireVisible(orgId);
        return effectiveFlags(orgs.find(orgId));
    }

    /** The flags in effect for an org: tenant defaults ← plan ← org (see {@link Plan#effectiveFlags}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public FeatureFlags effectiveFlags(Organization org) {
        return plans.findById(org.billingPlan).effectiveFlags(orgs.defaultsFor(org.orgType).featureFlags, org.featureFlags);
    }

    @Transactional
    public ClientConfig clientConfig(UUID orgId) {
        access.requireVisible(orgId);
        Organization org = orgs.find(orgId);
        TenantDefaults d = orgs.defaultsFor(org.orgType);
        return new ClientConfig(org.id, org.billingPlan.wire(), org.suspended, org.trialEndDate,
                d.settings.overlay(org.settings), d.retentionPolicy.overlay(org.retentionPolicy), effectiveFlags(org));
    }
}
