package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** A member's role in an organization. */
public enum OrgRole {
    @JsonProperty("owner") OWNER,
    @JsonProperty("admin") ADMIN,
    @JsonProperty("member") MEMBER;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
