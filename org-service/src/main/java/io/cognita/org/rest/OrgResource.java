package io.cognita.org.rest;

import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.org.service.OrgAccess;
import io.cognita.org.service.OrgService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.idempotency.IdempotentRequests;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.problem.ProblemException;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/orgs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization")
public class OrgResource {

    private final OrgService orgs;
    private final OrgAccess access;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public OrgResource(OrgService orgs, OrgAccess access, IdempotentRequests idempotency, Caller caller) {
        this.orgs = orgs;
        this.access = access;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create Organization", description = "system:admin or an org:provision token. "
            + "Idempotency-Key replays the first response; 10 creations per minute per token at the gateway.")
    @APIResponse(responseCode = "200", description = "Organization created successfully")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "403", description = "Neither system:admin nor org:provision")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body, or still in flight")
    @APIResponse(responseCode = "429", description = "Rate limited (gateway)")
    public Response create(@NotNull @Valid OrgRequest body,
                           @Parameter(description = "retries with the same key and body replay the first response")
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        access.requireProvisioner();
        return idempotency.execute(caller.id(), idempotencyKey, "POST", "/api/orgs", body,
                () -> Response.ok(ApiResponse.ok("Organization created successfully", orgs.create(body.toDraft()))).build());
    }

    @GET
    @Operation(summary = "Get Organizations", description = "The organizations visible to the caller "
            + "(all of them for system:admin), newest first (order=desc, the default) or oldest first (order=asc), "
            + "cursor paged; pass the same order with a cursor.")
    public ApiResponse<List<OrganizationSnapshot>> list(@QueryParam("status") String status,
                                                        @QueryParam("q") String q,
                                                        @Parameter(schema = @Schema(enumeration = {"desc", "asc"}, defaultValue = "desc"))
                                                        @QueryParam("order") String order,
                                                        @QueryParam("limit") String limit,
                                                        @QueryParam("cursor") String cursor) {
        Boolean suspended = switch (status == null ? "" : status) {
            case "" -> null;
            case "active" -> false;
            case "suspended" -> true;
            default -> throw ProblemException.invalidField("status", "must be one of: active, suspended");
        };
        boolean oldestFirst = switch (order == null ? "desc" : order) {
            case "desc" -> false;
            case "asc" -> true;
            default -> throw ProblemException.invalidField("order", "must be one of: desc, asc");
        };
        if (q != null && q.length() > 200) {
            throw ProblemException.invalidField("q", "must be at most 200 characters");
        }
        return ApiResponse.page("Organizations", orgs.list(suspended, q == null || q.isBlank() ? null : q.strip(),
                oldestFirst, PageRequest.of(limit, cursor, 2)));
    }

    @GET
    @Path("/{orgId}")
    @Operation(summary = "Get Organization")
    @APIResponse(responseCode = "404", description = "No such organization visible to the caller")
    @APIResponse(responseCode = "200", description = "The organization")
    public ApiResponse<OrganizationSnapshot> get(@PathParam("orgId") String orgId) {
        return ApiResponse.ok("Organization", orgs.get(Ids.uuid("orgId", orgId)));
    }

    @PUT
    @Path("/{orgId}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "update organization", description = "Full replace: settings, flags and retention fields "
            + "left out take the tenant defaults of the orgType; payerUserId, plan, trial and suspension are kept. "
            + "org:write and org owner/admin, or system:admin. Writes an audit entry.")
    @APIResponse(responseCode = "200", description = "Organization updated successfully")
    @APIResponse(responseCode = "403", description = "Not an org admin with org:write")
    @APIResponse(responseCode = "404", description = "No such organization visible to the caller")
    public Response replace(@PathParam("orgId") String orgId, @NotNull @Valid OrgRequest body,
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID id = Ids.uuid("orgId", orgId);
        access.requireAdministrator(id);
        return idempotency.execute(caller.id(), idempotencyKey, "PUT", "/api/orgs/" + id + "/update", body,
                () -> Response.ok(ApiResponse.ok("Organization updated successfully", orgs.replace(id, body.toDraft()))).build());
    }
}
