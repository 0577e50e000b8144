package io.cognita.org.rest;

import io.cognita.org.service.MemberService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The invitee's side of an invitation: accepting it with the token from the mail. */
@Authenticated
@Path("/orgs/invitations/accept")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "members")
public class InvitationAcceptResource {

    private final MemberService members;

    public InvitationAcceptResource(MemberService members) {
        this.members = members;
    }

    /** Exactly one of the two: the mailed token, or the invitation's id as the invitee's profile lists it. */
    public record AcceptRequest(@Size(max = 200) String token, UUID invitationId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptInvitation", summary = "accept an invitation", description = "The signed-in user "
            + "whose verified address was invited accepts, with the token from the invitation mail or the invitation's id "
            + "(as /auth/profile lists it), and joins with the invited role. An invitation is accepted once.")
    @APIResponse(responseCode = "200", description = "Joined (or already a member: the invitation is done)")
    @APIResponse(responseCode = "403", description = "INVITATION_NOT_FOR_YOU (another account), ORG_SUSPENDED")
    @APIResponse(responseCode = "404", description = "INVITATION_NOT_FOUND: unknown, used, expired or revoked")
    public ApiResponse<MemberService.Member> accept(@NotNull @Valid AcceptRequest body) {
        if ((body.token() == null || body.token().isBlank()) == (body.invitationId() == null)) {
            throw ProblemException.invalidField("token", "give either token or invitationId");
        }
        return ApiResponse.ok("Invitation accepted", members.accept(body.token(), body.invitationId()));
    }
}
