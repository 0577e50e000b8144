package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The regulatory regime an organization operates under. */
public enum ComplianceMode {
    @JsonProperty("none") NONE,
    @JsonProperty("ferpa") FERPA,
    @JsonProperty("hipaa") HIPAA,
    @JsonProperty("gdpr") GDPR,
    @JsonProperty("coppa") COPPA;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
