package io.cognita.platform.access;

/** What a caller is to a workspace (and to what is in it), weakest first; each service decides it from its own views. */
public enum Standing {
    /** Cannot see it (another org, a private workspace, a deleted org): 404. */
    NONE,
    /** A member of the org who sees a workspace visible to the whole org, without being its member. */
    VIEWER,
    MEMBER,
    /** A workspace admin, an org owner or admin, or a system admin. */
    ADMIN;

    public boolean atLeast(Standing other) {
        return compareTo(other) >= 0;
    }

    /** The role shown to the caller: admin, member, or null for a viewer. */
    public String wire() {
        return this == ADMIN ? "admin" : this == MEMBER ? "member" : null;
    }
}
