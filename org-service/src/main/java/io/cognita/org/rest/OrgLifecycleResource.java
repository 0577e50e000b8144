package io.cognita.org.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.org.domain.OrgSettings;
import io.cognita.org.domain.OrganizationSnapshot;
import io.cognita.org.domain.RetentionPolicy;
import io.cognita.org.service.AuditLogService;
import io.cognita.org.service.OrgLifecycleService;
import io.cognita.org.service.OrgSettingsService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

@Path("/orgs/{orgId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization")
public class OrgLifecycleResource {

    public static final String MERGE_PATCH = "application/merge-patch+json";

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    public record OptionalReason(@Size(max = 500) String reason) {
    }

    private final OrgLifecycleService lifecycle;
    private final OrgSettingsService settings;
    private final AuditLogService auditLog;

    public OrgLifecycleResource(OrgLifecycleService lifecycle, OrgSettingsService settings, AuditLogService auditLog) {
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.auditLog = auditLog;
    }

    @POST
    @Path("/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend", description = "system:admin. Members then get 403 ORG_SUSPENDED on every write, in "
            + "every service, within seconds (org.suspended); reads stay allowed.")
    @APIResponse(responseCode = "422", description = "ORG_ALREADY_SUSPENDED")
    @APIResponse(responseCode = "200", description = "Suspended")
    public ApiResponse<OrganizationSnapshot> suspend(@PathParam("orgId") String orgId, @NotNull @Valid Reason body) {
        return ApiResponse.ok("Organization suspended", lifecycle.suspend(Ids.uuid("orgId", orgId), body.reason()));
    }

    @POST
    @Path("/resume")
    @Operation(summary = "Resume", description = "system:admin.")
    @APIResponse(responseCode = "422", description = "ORG_NOT_SUSPENDED")
    @APIResponse(responseCode = "200", description = "Resumed")
    public ApiResponse<OrganizationSnapshot> resume(@PathParam("orgId") String orgId, @Valid OptionalReason body) {
        return ApiResponse.ok("Organization resumed", lifecycle.resume(Ids.uuid("orgId", orgId),
                body == null ? null : body.reason()));
    }

    @DELETE
    @Operation(summary = "Delete Organization", description = "Owner or system:admin. A soft delete: the org is gone "
            + "at once (404), and org.deleted starts the purge in every service.")
    public ApiResponse<Map<String, Object>> delete(@PathParam("orgId") String orgId) {
        lifecycle.delete(Ids.uuid("orgId", orgId));
        return ApiResponse.ok("Organization deleted", Map.of());
    }

    @GET
    @Path("/settings")
    @Operation(summary = "get organization settings", description = "Any member.")
    public ApiResponse<OrgSettings> settings(@PathParam("orgId") String orgId) {
        return ApiResponse.ok("Organization settings", settings.settings(Ids.uuid("orgId", orgId)));
    }

    @PATCH
    @Path("/settings")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "update settings", description = "Org admin. An RFC 7396 JSON merge patch of the settings; "
            + "null puts a field back to the tenant default. Validated as a whole: an invalid patch changes nothing.")
    @RequestBody(required = true, description = "A JSON merge patch (RFC 7396) of the settings: fields given replace, null removes",
            content = {@Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = OrgSettings.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgSettings.class))})
    public ApiResponse<OrgSettings> patchSettings(@PathParam("orgId") String orgId, JsonNode patch) {
        return ApiResponse.ok("Organization settings updated", settings.patchSettings(Ids.uuid("orgId", orgId), patch));
    }

    @GET
    @Path("/retention")
    @Operation(summary = "Get Retention Policy", description = "Any member.")
    public ApiResponse<RetentionPolicy> retention(@PathParam("orgId") String orgId) {
        return ApiResponse.ok("Retention policy", settings.retention(Ids.uuid("orgId", orgId)));
    }

    @POST
    @Path("/retention")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set Retention Policy", description = "Org admin. Replaces the policy; durations left out take "
            + "the tenant default. \"<N>d\" (1..36500) or \"indefinite\".")
    public ApiResponse<RetentionPolicy> setRetention(@PathParam("orgId") String orgId, @NotNull @Valid RetentionPolicy body) {
        return ApiResponse.ok("Retention policy set", settings.changeRetention(Ids.uuid("orgId", orgId), body, true));
    }

    @PATCH
    @Path("/retention")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(summary = "Update Retention Policy", description = "Org admin. Durations left out are kept.")
    public ApiResponse<RetentionPolicy> updateRetention(@PathParam("orgId") String orgId, @NotNull @Valid RetentionPolicy body) {
        return ApiResponse.ok("Retention policy updated", settings.changeRetention(Ids.uuid("orgId", orgId), body, false));
    }

    @GET
    @Path("/audit-logs")
    @Operation(summary = "audit logs", description = "Org admin. Newest first; filters actor, action, from, to "
            + "(ISO-8601); cursor paged.")
    public ApiResponse<List<AuditEntryView>> auditLogs(@PathParam("orgId") String orgId, @BeanParam AuditLogQuery query) {
        return AuditEntryView.page(auditLog.page(Ids.uuid("orgId", orgId), query.filter(), query.page()));
    }
}
