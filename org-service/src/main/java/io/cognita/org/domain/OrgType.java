package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** What kind of institution an organization is; it selects the tenant defaults. */
public enum OrgType {
    @JsonProperty("education") EDUCATION,
    @JsonProperty("enterprise") ENTERPRISE,
    @JsonProperty("government") GOVERNMENT,
    @JsonProperty("nonprofit") NONPROFIT;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
