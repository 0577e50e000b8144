package io.cognita.identity.rest;

import io.cognita.identity.service.CurrentSession;
import io.cognita.identity.service.ProvisioningService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Authenticated
@Path("/auth/tokens/provisioning")
@Tag(name = "Auth")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningTokenResource {

    private final ProvisioningService provisioning;
    private final CurrentSession current;

    public ProvisioningTokenResource(ProvisioningService provisioning, CurrentSession current) {
        this.provisioning = provisioning;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "issue provisioning token", description = "system:admin. An org:provision token for "
            + "onboarding automation, valid validDays (default 365); the token is shown only in this response.")
    @APIResponse(responseCode = "201", description = "Issued: data holds the token, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiResponse.class)))
    public Response issue(@NotNull @Valid AuthRequests.IssueProvisioningToken body) {
        current.requireSystemAdmin();
        ProvisioningService.Issued issued = provisioning.issue(body.name(), body.validDays(), current.userId());
        return Response.status(201).entity(ApiResponse.ok("Provisioning token issued",
                AuthViews.ProvisioningTokenView.of(issued.token(), issued.jwt()))).build();
    }

    @GET
    @Operation(summary = "list provisioning tokens", description = "system:admin; without the tokens themselves.")
    public ApiResponse<List<AuthViews.ProvisioningTokenView>> list() {
        current.requireSystemAdmin();
        return ApiResponse.ok("Provisioning tokens", provisioning.list().stream()
                .map(t -> AuthViews.ProvisioningTokenView.of(t, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "revoke provisioning token", description = "system:admin; refused at the gateway at once.")
    public ApiResponse<Map<String, Object>> revoke(@PathParam("id") String id) {
        current.requireSystemAdmin();
        provisioning.revoke(Ids.uuid("id", id));
        return ApiResponse.ok("Provisioning token revoked", Map.of());
    }
}
