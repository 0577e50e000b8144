package io.cognita.org.rest;

import io.cognita.org.domain.Invitation;
import io.cognita.org.domain.OrgRole;
import io.cognita.org.service.InvitationWindow;
import io.cognita.org.service.MemberService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/orgs/{orgId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization")
public class MemberResource {

    public record InviteRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull OrgRole role) {
    }

    public record RoleRequest(@NotNull OrgRole role) {
    }

    private final MemberService members;
    private final InvitationWindow window;

    public MemberResource(MemberService members, InvitationWindow window) {
        this.window = window;
        this.members = members;
    }

    @GET
    @Operation(summary = "members", description = "Org admin. Members with their roles, by user id, cursor paged.")
    public ApiResponse<List<MemberService.Member>> list(@PathParam("orgId") String orgId, @QueryParam("limit") String limit,
                                                        @QueryParam("cursor") String cursor) {
        return ApiResponse.page("Members", members.list(Ids.uuid("orgId", orgId), PageRequest.of(limit, cursor, 1)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "invite member", description = "Org admin (owners only for role owner). Every address gets "
            + "the same answer, whether or not it has an account: 202 + the open invitation (expiresAt), and a mail with "
            + "a single-use accept link. An existing user joins by accepting (POST /orgs/invitations/accept); a new one "
            + "by registering and verifying the address in time. Only a verified user whose address is in a domain the "
            + "org has verified joins at once (201 + member). Members and open invitations hold a seat each: 409 "
            + "MEMBER_LIMIT_REACHED beyond the plan's maxMembers; 409 ALREADY_MEMBER.")
    @APIResponse(responseCode = "202", description = "Invitation sent: data is the open invitation (InvitationView)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    @APIResponse(responseCode = "201", description = "Joined at once (a verified address in a domain the org verified): data is the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    public Response invite(@PathParam("orgId") String orgId, @NotNull @Valid InviteRequest body) {
        MemberService.Invited invited = members.invite(Ids.uuid("orgId", orgId), body.email(), body.role());
        if (invited.member() != null) {
            return Response.status(201).entity(ApiResponse.ok("Member added", invited.member())).build();
        }
        return Response.status(202).entity(ApiResponse.ok("Invitation sent",
                InvitationView.of(invited.invitation(), window))).build();
    }

    @PATCH
    @Path("/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "change member role", description = "Org admin; owners only to make or unmake an owner. "
            + "409 LAST_OWNER.")
    public ApiResponse<MemberService.Member> changeRole(@PathParam("orgId") String orgId, @PathParam("userId") String userId,
                                                        @NotNull @Valid RoleRequest body) {
        return ApiResponse.ok("Member role changed", members.changeRole(Ids.uuid("orgId", orgId), userId, body.role()));
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "remove member", description = "Org admin; owners only to remove an owner. 409 LAST_OWNER.")
    public ApiResponse<Map<String, Object>> remove(@PathParam("orgId") String orgId, @PathParam("userId") String userId) {
        members.remove(Ids.uuid("orgId", orgId), userId);
        return ApiResponse.ok("Member removed", Map.of());
    }
}
