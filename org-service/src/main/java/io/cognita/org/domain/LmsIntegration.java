package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The learning management system an organization connects. */
public enum LmsIntegration {
    @JsonProperty("none") NONE,
    @JsonProperty("canvas") CANVAS,
    @JsonProperty("moodle") MOODLE,
    @JsonProperty("blackboard") BLACKBOARD,
    @JsonProperty("google_classroom") GOOGLE_CLASSROOM;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
