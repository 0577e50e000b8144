package io.cognita.org.domain;

import java.util.List;

/** The caller-supplied part of an organization, as given to create or full replace. */
public record OrgDraft(String name, OrgType orgType, String billingAccountId, OrgSettings settings,
                       RetentionPolicy retentionPolicy, List<String> allowedDomains, FeatureFlags featureFlags,
                       String payerUserId) {
}
