package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cognita.platform.validation.IanaTimeZone;
import io.cognita.platform.validation.LanguageTag;

/**
 * OrganizationSettings. In a request every field may be left out; a stored organization has them all,
 * the missing ones taken from the tenant defaults of its orgType ({@link #overlay}).
 */
@JsonPropertyOrder({"timezone", "defaultLanguage", "complianceMode", "recordingConsent", "aiSummaries", "educationMode",
        "dlpEnabled", "translationEnabled", "realTimeSummaries", "lmsIntegration", "retentionAlerts"})
public record OrgSettings(@IanaTimeZone String timezone,
                          @LanguageTag String defaultLanguage,
                          ComplianceMode complianceMode,
                          RecordingConsent recordingConsent,
                          AiSummaries aiSummaries,
                          Boolean educationMode,
                          Boolean dlpEnabled,
                          Boolean translationEnabled,
                          Boolean realTimeSummaries,
                          LmsIntegration lmsIntegration,
                          Boolean retentionAlerts) {

    /** These settings with every field that {@code given} sets replaced by its value. */
    public OrgSettings overlay(OrgSettings given) {
        if (given == null) {
            return this;
        }
        return new OrgSettings(
                pick(given.timezone, timezone), pick(given.defaultLanguage, defaultLanguage),
                pick(given.complianceMode, complianceMode), pick(given.recordingConsent, recordingConsent),
                pick(given.aiSummaries, aiSummaries), pick(given.educationMode, educationMode),
                pick(given.dlpEnabled, dlpEnabled), pick(given.translationEnabled, translationEnabled),
                pick(given.realTimeSummaries, realTimeSummaries), pick(given.lmsIntegration, lmsIntegration),
                pick(given.retentionAlerts, retentionAlerts));
    }

    static <T> T pick(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
