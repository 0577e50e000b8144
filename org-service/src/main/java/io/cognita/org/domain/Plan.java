package io.cognita.org.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** SubscriptionPlan: a plan of the catalog with its price and entitlements. */
@Entity
@Table(name = "plans")
public class Plan {

    @Id
    @Enumerated(EnumType.STRING)
    public BillingPlan code;

    @Column(name = "monthly_price_cents", nullable = false)
    public int monthlyPriceCents;

    @Column(name = "overage_cents_per_minute", nullable = false)
    public int overageCentsPerMinute;

    @Column(nullable = false)
    public String currency;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Entitlements entitlements;

    public boolean grants(String feature) {
        return entitlements.features().contains(feature);
    }

    /**
     * The flags an org on this plan has in effect, from the layers tenant defaults ← plan ← org: a feature is
     * available when the plan grants it or the org type's tenant default switches it on; an available feature
     * is on unless the org switched it off; any other feature is off, whatever the org stored.
     */
    public FeatureFlags effectiveFlags(FeatureFlags tenantDefaults, FeatureFlags org) {
        return FeatureFlags.from(name -> {
            boolean available = grants(name) || Boolean.TRUE.equals(tenantDefaults.get(name));
            return available && !Boolean.FALSE.equals(org == null ? null : org.get(name));
        });
    }

    /**
     * The org's stored flags on moving from this plan to {@code next}: the org's old choice about a feature that
     * {@code next} grants and this plan did not is dropped, so the feature comes on at once; the rest is kept
     * (a feature the new plan no longer grants is off by {@link #effectiveFlags} and comes back with the plan).
     */
    public FeatureFlags flagsOnChangeTo(Plan next, FeatureFlags org) {
        return FeatureFlags.from(name -> next.grants(name) && !grants(name) ? null : org.get(name));
    }
}
