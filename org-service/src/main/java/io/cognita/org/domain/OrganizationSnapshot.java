package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The Organization schema: what the API answers, what org events carry and what the audit log keeps
 * as before/after. One representation, so the three never drift apart.
 */
@JsonPropertyOrder({"orgId", "name", "orgType", "billingAccountId", "payerUserId", "createdAt", "updatedAt",
        "retentionPolicy", "settings", "billingPlan", "isSuspended", "suspensionReason", "suspensionDate",
        "trialEndDate", "allowedDomains", "featureFlags"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OrganizationSnapshot(UUID orgId, String name, OrgType orgType, String billingAccountId,
                                   String payerUserId, Instant createdAt, Instant updatedAt,
                                   RetentionPolicy retentionPolicy, OrgSettings settings, BillingPlan billingPlan,
                                   @JsonProperty("isSuspended") boolean isSuspended, String suspensionReason,
                                   Instant suspensionDate, Instant trialEndDate, List<String> allowedDomains,
                                   FeatureFlags featureFlags) {

    public static OrganizationSnapshot of(Organization org) {
        return new OrganizationSnapshot(org.id, org.name, org.orgType, org.billingAccountId, org.payerUserId,
                org.createdAt, org.updatedAt, org.retentionPolicy, org.settings, org.billingPlan, org.suspended,
                org.suspensionReason, org.suspensionDate, org.trialEndDate, List.copyOf(org.allowedDomains),
                org.featureFlags);
    }
}
