package io.cognita.workspace.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A member's role in a workspace. An org's owners and admins are admins of all its workspaces without a row. */
public enum WorkspaceRole {
    @JsonProperty("admin") ADMIN,
    @JsonProperty("member") MEMBER;

    public String wire() {
        return name().toLowerCase();
    }
}
