package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** FeatureFlags: product features switched on or off per organization. */
@JsonPropertyOrder({"realTimeTranslation", "roleAwareSummaries", "examGeneration", "meetingEnergyDashboard",
        "breakoutRooms", "aiAttendee"})
public record FeatureFlags(Boolean realTimeTranslation,
                           Boolean roleAwareSummaries,
                           Boolean examGeneration,
                           Boolean meetingEnergyDashboard,
                           Boolean breakoutRooms,
                           Boolean aiAttendee) {

    /** These flags with every flag that {@code given} sets replaced by its value. */
    public FeatureFlags overlay(FeatureFlags given) {
        if (given == null) {
            return this;
        }
        return new FeatureFlags(
                OrgSettings.pick(given.realTimeTranslation, realTimeTranslation),
                OrgSettings.pick(given.roleAwareSummaries, roleAwareSummaries),
                OrgSettings.pick(given.examGeneration, examGeneration),
                OrgSettings.pick(given.meetingEnergyDashboard, meetingEnergyDashboard),
                OrgSettings.pick(given.breakoutRooms, breakoutRooms),
                OrgSettings.pick(given.aiAttendee, aiAttendee));
    }
}
