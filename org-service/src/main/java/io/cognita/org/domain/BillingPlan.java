package io.cognita.org.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Locale;

/** The subscription plans of the catalog. */
public enum BillingPlan {
    @JsonProperty("free") FREE,
    @JsonProperty("pro") PRO,
    @JsonProperty("enterprise") ENTERPRISE,
    @JsonProperty("enterprise_edu") ENTERPRISE_EDU;

    /** The value on the wire and in the database. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
