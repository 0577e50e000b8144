package io.cognita.workspace.rest;

import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.idempotency.IdempotentRequests;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.request.Ids;
import io.cognita.workspace.service.WorkspaceService;
import io.cognita.workspace.service.WorkspaceView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/orgs/{orgId}/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces")
public class OrgWorkspacesResource {

    private final WorkspaceService workspaces;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public OrgWorkspacesResource(WorkspaceService workspaces, IdempotentRequests idempotency, Caller caller) {
        this.workspaces = workspaces;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "list workspaces", description = "Org member (workspace:read). The org's workspaces the caller "
            + "sees: those visible to the whole org and the private ones they belong to (all of them for the org's owners "
            + "and admins), newest first, cursor paged. 404 ORG_NOT_FOUND for an org the caller does not belong to.")
    public ApiResponse<List<WorkspaceView>> list(@PathParam("orgId") String orgId, @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return ApiResponse.page("Workspaces", workspaces.list(Ids.uuid("orgId", orgId), PageRequest.of(limit, cursor, 2)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "create workspace", description = "Org owner or admin (workspace:write). The creator becomes the "
            + "workspace's admin. 422 WORKSPACE_LIMIT_REACHED beyond the plan's maxWorkspaces (decided under a lock: "
            + "concurrent creates never exceed it); 403 ORG_SUSPENDED. Idempotency-Key replays the first response.")
    @APIResponse(responseCode = "201", description = "Workspace created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Envelopes.WorkspaceEnvelope.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body, or still in flight")
    @APIResponse(responseCode = "422", description = "WORKSPACE_LIMIT_REACHED")
    @APIResponse(responseCode = "403", description = "not an owner or admin of the org, ORG_SUSPENDED")
    @APIResponse(responseCode = "404", description = "ORG_NOT_FOUND")
    public Response create(@PathParam("orgId") String orgId, @NotNull @Valid WorkspaceRequests.Create body,
                           @Parameter(description = "retries with the same key and body replay the first response")
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID id = Ids.uuid("orgId", orgId);
        return idempotency.execute(caller.id(), idempotencyKey, "POST", "/api/orgs/" + id + "/workspaces", body,
                () -> Response.status(201).entity(ApiResponse.ok("Workspace created", workspaces.create(id, body.toDraft()))).build());
    }
}
