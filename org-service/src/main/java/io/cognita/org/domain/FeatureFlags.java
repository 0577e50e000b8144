package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** FeatureFlags: product features switched on or off per organization; a null flag is "not set here". */
@JsonPropertyOrder({"realTimeTranslation", "roleAwareSummaries", "examGeneration", "meetingEnergyDashboard",
        "breakoutRooms", "aiAttendee"})
public record FeatureFlags(Boolean realTimeTranslation,
                           Boolean roleAwareSummaries,
                           Boolean examGeneration,
                           Boolean meetingEnergyDashboard,
                           Boolean breakoutRooms,
                           Boolean aiAttendee) {

    /** The flag names, as plans list their features. */
    public static final List<String> NAMES = List.of("realTimeTranslation", "roleAwareSummaries", "examGeneration",
            "meetingEnergyDashboard", "breakoutRooms", "aiAttendee");

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

    public Boolean get(String name) {
        return asMap().get(name);
    }

    /** Flags computed one by one from their names. */
    public static FeatureFlags from(Function<String, Boolean> valueOf) {
        return new FeatureFlags(valueOf.apply(NAMES.get(0)), valueOf.apply(NAMES.get(1)), valueOf.apply(NAMES.get(2)),
                valueOf.apply(NAMES.get(3)), valueOf.apply(NAMES.get(4)), valueOf.apply(NAMES.get(5)));
    }

    private Map<String, Boolean> asMap() {
        Map<String, Boolean> flags = new LinkedHashMap<>();
        flags.put(NAMES.get(0), realTimeTranslation);
        flags.put(NAMES.get(1), roleAwareSummaries);
        flags.put(NAMES.get(2), examGeneration);
        flags.put(NAMES.get(3), meetingEnergyDashboard);
        flags.put(NAMES.get(4), breakoutRooms);
        flags.put(NAMES.get(5), aiAttendee);
        return flags;
    }
}
