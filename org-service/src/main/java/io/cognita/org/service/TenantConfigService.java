package io.cognita.org.service;

import io.cognita.org.domain.FeatureFlags;
import io.cognita.org.domain.OrgSettings;
import io.cognita.org.domain.OrgType;
import io.cognita.org.domain.Organization;
import io.cognita.org.domain.RetentionPolicy;
import io.cognita.org.domain.TenantDefaults;
import io.cognita.org.repository.TenantDefaultsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tenant defaults per orgType (what a new org starts with) and the effective configuration of an org
 * for its members' clients: tenant defaults, overridden by the org's own values.
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
                               OrgSettings settings, RetentionPolicy retentionPolicy) {
    }

    private final TenantDefaultsRepository defaults;
    private final OrgService orgs;
    private final OrgAccess access;

    public TenantConfigService(TenantDefaultsRepository defaults, OrgService orgs, OrgAccess access) {
        this.defaults = defaults;
        this.orgs = orgs;
        this.access = access;
    }

    @Transactional
    public List<Defaults> tenantDefaults() {
        access.actor();
        return defaults.listAll().stream().sorted(java.util.Comparator.comparing(d -> d.orgType))
                .map(Defaults::of).toList();
    }

    /** system:admin: replace the defaults of one orgType; fields left out keep their current value. */
    @Transactional
    public Defaults replaceDefaults(OrgType type, io.cognita.org.domain.BillingPlan plan, Integer trialMonths,
                                    OrgSettings settings, FeatureFlags flags, RetentionPolicy retention) {
        access.requireSystemAdmin();
        TenantDefaults d = defaults.findById(type);
        if (plan != null) {
            d.billingPlan = plan;
        }
        if (trialMonths != null) {
            d.trialMonths = trialMonths;
        }
        d.settings = d.settings.overlay(settings);
        d.featureFlags = d.featureFlags.overlay(flags);
        d.retentionPolicy = d.retentionPolicy.overlay(retention);
        return Defaults.of(d);
    }

    @Transactional
    public FeatureFlags featureFlags(UUID orgId) {
        access.requireVisible(orgId);
        Organization org = orgs.find(orgId);
        return orgs.defaultsFor(org.orgType).featureFlags.overlay(org.featureFlags);
    }

    @Transactional
    public ClientConfig clientConfig(UUID orgId) {
        access.requireVisible(orgId);
        Organization org = orgs.find(orgId);
        TenantDefaults d = orgs.defaultsFor(org.orgType);
        return new ClientConfig(org.id, org.billingPlan.wire(), org.suspended, org.trialEndDate,
                d.settings.overlay(org.settings), d.retentionPolicy.overlay(org.retentionPolicy));
    }
}
