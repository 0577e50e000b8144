package io.cognita.workspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.idempotency.IdempotentRequests;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.request.Ids;
import io.cognita.workspace.service.MeetingStarter;
import io.cognita.workspace.service.MemberView;
import io.cognita.workspace.service.WorkspaceMembers;
import io.cognita.workspace.service.WorkspaceService;
import io.cognita.workspace.service.WorkspaceView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/workspaces/{workspaceId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces")
public class WorkspaceResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final WorkspaceService workspaces;
    private final WorkspaceMembers members;
    private final MeetingStarter meetings;

    public WorkspaceResource(WorkspaceService workspaces, WorkspaceMembers members, MeetingStarter meetings) {
        this.workspaces = workspaces;
        this.members = members;
        this.meetings = meetings;
    }

    @GET
    @Operation(summary = "get workspace", description = "Anyone who sees the workspace (workspace:read): its members, "
            + "the org's owners and admins, and every org member for a workspace visible to the org.")
    public ApiResponse<WorkspaceView> get(@PathParam("workspaceId") String workspaceId) {
        return ApiResponse.ok("Workspace", workspaces.get(Ids.uuid("workspaceId", workspaceId)));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "update workspace", description = "Workspace admin (workspace:write). Merge patch of name, "
            + "description (\"\" clears it) and visibility; fields left out stay.")
    public ApiResponse<WorkspaceView> update(@PathParam("workspaceId") String workspaceId,
                                             @NotNull @Valid WorkspaceRequests.Update body) {
        return ApiResponse.ok("Workspace updated", workspaces.update(Ids.uuid("workspaceId", workspaceId), body.toDraft()));
    }

    @DELETE
    @Operation(summary = "delete workspace", description = "Workspace admin (workspace:write). The workspace and its "
            + "memberships go; workspace.deleted tells meeting-service.")
    public ApiResponse<Map<String, Object>> delete(@PathParam("workspaceId") String workspaceId) {
        workspaces.delete(Ids.uuid("workspaceId", workspaceId));
        return ApiResponse.ok("Workspace deleted", Map.of());
    }

    @GET
    @Path("/members")
    @Operation(summary = "list workspace members", description = "Anyone who sees the workspace. Members with roles, "
            + "by user id, cursor paged (the org's owners and admins are admins without being listed).")
    public ApiResponse<List<MemberView>> members(@PathParam("workspaceId") String workspaceId,
                                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ApiResponse.page("Workspace members",
                members.list(Ids.uuid("workspaceId", workspaceId), PageRequest.of(limit, cursor, 1)));
    }

    @POST
    @Path("/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "add workspace member", description = "Workspace admin (workspace:write). Adds a member of the "
            + "workspace's org: 422 NOT_AN_ORG_MEMBER otherwise; 409 ALREADY_MEMBER.")
    @APIResponse(responseCode = "201", description = "Member added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Envelopes.MemberEnvelope.class)))
    @APIResponse(responseCode = "404", description = "WORKSPACE_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "ALREADY_MEMBER")
    @APIResponse(responseCode = "422", description = "NOT_AN_ORG_MEMBER")
    public Response addMember(@PathParam("workspaceId") String workspaceId, @NotNull @Valid WorkspaceRequests.AddMember body) {
        MemberView added = members.add(Ids.uuid("workspaceId", workspaceId), body.userId(), body.roleOrDefault());
        return Response.status(201).entity(ApiResponse.ok("Member added", added)).build();
    }

    @DELETE
    @Path("/members/{userId}")
    @Operation(summary = "remove workspace member", description = "Workspace admin (workspace:write); a member may "
            + "remove themselves. 404 MEMBER_NOT_FOUND.")
    @APIResponse(responseCode = "200", description = "Member removed")
    @APIResponse(responseCode = "404", description = "WORKSPACE_NOT_FOUND, MEMBER_NOT_FOUND")
    public ApiResponse<Map<String, Object>> removeMember(@PathParam("workspaceId") String workspaceId,
                                                         @PathParam("userId") String userId) {
        members.remove(Ids.uuid("workspaceId", workspaceId), userId);
        return ApiResponse.ok("Member removed", Map.of());
    }

    @POST
    @Path("/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "start meeting", description = "Workspace member (meeting:write). workspace-service authorizes "
            + "and meeting-service creates the meeting, live at once with the caller as host; the answer is the meeting "
            + "with its live-transcription URL. The Idempotency-Key is passed on: a retry with the same key creates no "
            + "second meeting. 503 MEETING_SERVICE_UNAVAILABLE (with Retry-After) within 3 s when meeting-service cannot "
            + "answer.")
    @APIResponse(responseCode = "201", description = "Meeting started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Envelopes.StartedMeetingEnvelope.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body, or still in flight")
    @APIResponse(responseCode = "503", description = "MEETING_SERVICE_UNAVAILABLE")
    public Response startMeeting(@PathParam("workspaceId") String workspaceId, @NotNull @Valid WorkspaceRequests.StartMeeting body,
                                 @Parameter(description = "passed on to meeting-service: retries with the same key and body "
                                         + "return the first meeting") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        JsonNode meeting = meetings.start(Ids.uuid("workspaceId", workspaceId), body.title().strip(), body.scheduledFor(),
                authorization, idempotencyKey);
        return Response.status(201).entity(ApiResponse.ok("Meeting started", meeting)).build();
    }
}
