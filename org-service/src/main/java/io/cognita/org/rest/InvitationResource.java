package io.cognita.org.rest;

import io.cognita.org.service.InvitationWindow;
import io.cognita.org.service.MemberService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.request.Ids;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The org's open invitations: each holds a seat until it is accepted, revoked or expires. */
@Path("/orgs/{orgId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "members")
public class InvitationResource {

    private final MemberService members;
    private final InvitationWindow window;

    public InvitationResource(MemberService members, InvitationWindow window) {
        this.members = members;
        this.window = window;
    }

    @GET
    @Operation(summary = "open invitations", description = "Org admin. The invitations not yet accepted nor expired, "
            + "oldest first, each with expiresAt; each holds a seat of the plan.")
    public ApiResponse<List<InvitationView>> list(@PathParam("orgId") String orgId) {
        return ApiResponse.ok("Open invitations", members.openInvitations(Ids.uuid("orgId", orgId)).stream()
                .map(i -> InvitationView.of(i, window)).toList());
    }

    @DELETE
    @Path("/{invitationId}")
    @Operation(summary = "revoke invitation", description = "Org admin (owners only for an invitation as owner). The "
            + "invitation ends and frees its seat; a later verification of the address no longer joins.")
    @APIResponse(responseCode = "404", description = "INVITATION_NOT_FOUND: no open invitation with that id")
    @APIResponse(responseCode = "200", description = "Revoked")
    public ApiResponse<Map<String, Object>> revoke(@PathParam("orgId") String orgId,
                                                   @PathParam("invitationId") String invitationId) {
        members.revokeInvitation(Ids.uuid("orgId", orgId), Ids.uuid("invitationId", invitationId));
        return ApiResponse.ok("Invitation revoked", Map.of());
    }
}
