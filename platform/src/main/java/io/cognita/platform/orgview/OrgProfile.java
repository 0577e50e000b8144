package io.cognita.platform.orgview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What this service last heard of an organization's configuration (each part as org-service sent it; a part
 * not heard of yet is a missing node). Readers take the fields they need and decide their own defaults.
 */
public record OrgProfile(UUID orgId, JsonNode settings, JsonNode retentionPolicy, JsonNode entitlements,
                         JsonNode featureFlags, Instant deletedAt) {

    public static OrgProfile unknown(UUID orgId) {
        return new OrgProfile(orgId, MissingNode.getInstance(), MissingNode.getInstance(), MissingNode.getInstance(),
                MissingNode.getInstance(), null);
    }

    /** {@code settings.<name>} as text, or {@code fallback} when not heard of. */
    public String setting(String name, String fallback) {
        JsonNode value = settings.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText() : fallback;
    }

    /** {@code entitlements.<name>} as a number, or {@code fallback} when not heard of. */
    public long entitlement(String name, long fallback) {
        JsonNode value = entitlements.path(name);
        return value.isNumber() ? value.asLong() : fallback;
    }

    /** {@code retentionPolicy.<name>} ("30d", "indefinite"), or null when not heard of. */
    public String retention(String name) {
        JsonNode value = retentionPolicy.path(name);
        return value.isTextual() ? value.asText() : null;
    }
}
