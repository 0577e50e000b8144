package io.cognita.org.rest;

import io.cognita.org.domain.FeatureFlags;
import io.cognita.org.domain.OrgDraft;
import io.cognita.org.domain.OrgSettings;
import io.cognita.org.domain.OrgType;
import io.cognita.org.domain.RetentionPolicy;
import io.cognita.platform.validation.Hostname;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of Create Organization and of the full replace (update organization). Every field but
 * {@code name} and {@code orgType} may be left out: settings, flags and retention then take the tenant
 * defaults of the orgType.
 */
public record OrgRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull OrgType orgType,
        @Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "may hold letters, digits and _ . : - only")
        String billingAccountId,
        @Valid OrgSettings settings,
        @Valid RetentionPolicy retentionPolicy,
        @Size(max = 100) List<@NotNull @Hostname String> allowedDomains,
        FeatureFlags featureFlags,
        @Pattern(regexp = "u-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "must be a user id (u-<uuid>)")
        String payerUserId) {

    OrgDraft toDraft() {
        return new OrgDraft(name, orgType, billingAccountId, settings, retentionPolicy, allowedDomains, featureFlags,
                payerUserId);
    }
}
