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

    /** The plan's features switched on over the given flags. */
    public FeatureFlags enable(FeatureFlags flags) {
        java.util.List<String> f = entitlements.features();
        return flags.overlay(new FeatureFlags(
                f.contains("realTimeTranslation") ? Boolean.TRUE : null,
                f.contains("roleAwareSummaries") ? Boolean.TRUE : null,
                f.contains("examGeneration") ? Boolean.TRUE : null,
                f.contains("meetingEnergyDashboard") ? Boolean.TRUE : null,
                f.contains("breakoutRooms") ? Boolean.TRUE : null,
                f.contains("aiAttendee") ? Boolean.TRUE : null));
    }
}
