package io.cognita.workspace.service;

import io.cognita.workspace.domain.WorkspaceMember;
import io.cognita.workspace.domain.WorkspaceRole;

import java.time.Instant;

/** A workspace member with their role (an org's owners and admins are admins everywhere without being listed). */
public record MemberView(String userId, WorkspaceRole role, String addedBy, Instant addedAt) {

    static MemberView of(WorkspaceMember m) {
        return new MemberView(m.userId, m.role, m.addedBy, m.addedAt);
    }
}
