package io.cognita.org.rest;

import io.cognita.org.domain.BillingPlan;
import io.cognita.org.domain.FeatureFlags;
import io.cognita.org.domain.OrgSettings;
import io.cognita.org.domain.OrgType;
import io.cognita.org.domain.RetentionPolicy;
import io.cognita.org.service.AuditLogService;
import io.cognita.org.service.TenantConfigService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.problem.FieldError;
import io.cognita.platform.problem.ProblemException;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;

@Path("/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "configurations")
public class ConfigResource {

    public record TenantDefaultsRequest(@NotNull OrgType orgType, BillingPlan billingPlan,
                                        @Min(0) @Max(24) Integer trialMonths, @Valid OrgSettings settings,
                                        FeatureFlags featureFlags, @Valid RetentionPolicy retentionPolicy) {
    }

    private final TenantConfigService config;
    private final AuditLogService auditLog;

    public ConfigResource(TenantConfigService config, AuditLogService auditLog) {
        this.config = config;
        this.auditLog = auditLog;
    }

    @GET
    @Path("/feature-flags")
    @Operation(summary = "feature-flags", description = "The effective flags of the org (?orgId=) for a member, "
            + "each true or false: a feature is available when the plan grants it or the tenant default switches it on, "
            + "and an available feature is on unless the org switched it off.")
    public ApiResponse<FeatureFlags> featureFlags(@QueryParam("orgId") String orgId) {
        return ApiResponse.ok("Feature flags", config.featureFlags(Ids.uuid("orgId", required(orgId))));
    }

    @GET
    @Path("/configs")
    @Operation(summary = "configs", description = "The client configuration of the org (?orgId=) for a member.")
    public ApiResponse<TenantConfigService.ClientConfig> configs(@QueryParam("orgId") String orgId) {
        return ApiResponse.ok("Client configuration", config.clientConfig(Ids.uuid("orgId", required(orgId))));
    }

    @GET
    @Path("/tenant-defaults")
    @Operation(summary = "tenant-defaults", description = "What a new org of each orgType starts with.")
    public ApiResponse<List<TenantConfigService.Defaults>> tenantDefaults() {
        return ApiResponse.ok("Tenant defaults", config.tenantDefaults());
    }

    @PUT
    @Path("/tenant-defaults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "tenant-defaults", description = "system:admin. Replaces the defaults of one orgType for orgs "
            + "created from now on: every field is required (billingPlan, trialMonths, and settings, featureFlags and "
            + "retentionPolicy each complete); 400 names what is missing. To change some fields, use PATCH.")
    public ApiResponse<TenantConfigService.Defaults> replaceDefaults(@NotNull @Valid TenantDefaultsRequest body) {
        List<FieldError> missing = new ArrayList<>();
        require(missing, "billingPlan", body.billingPlan());
        require(missing, "trialMonths", body.trialMonths());
        require(missing, "settings", body.settings());
        require(missing, "featureFlags", body.featureFlags());
        require(missing, "retentionPolicy", body.retentionPolicy());
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("VALIDATION_FAILED", "PUT replaces the whole defaults: every field is required "
                    + "(use PATCH to change some).", missing);
        }
        return ApiResponse.ok("Tenant defaults replaced", config.replaceDefaults(body.orgType(), body.billingPlan(),
                body.trialMonths(), body.settings(), body.featureFlags(), body.retentionPolicy()));
    }

    @PATCH
    @Path("/tenant-defaults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "patch tenant-defaults", description = "system:admin. Changes some defaults of one orgType for "
            + "orgs created from now on; fields left out (also inside settings, featureFlags, retentionPolicy) keep their value.")
    public ApiResponse<TenantConfigService.Defaults> patchDefaults(@NotNull @Valid TenantDefaultsRequest body) {
        return ApiResponse.ok("Tenant defaults updated", config.patchDefaults(body.orgType(), body.billingPlan(),
                body.trialMonths(), body.settings(), body.featureFlags(), body.retentionPolicy()));
    }

    /** Adds a field error for {@code value} when it is null, or for each null component when it is a record. */
    private static void require(List<FieldError> missing, String field, Object value) {
        if (value == null) {
            missing.add(new FieldError(field, "is required"));
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    if (component.getAccessor().invoke(record) == null) {
                        missing.add(new FieldError(field + "." + component.getName(), "is required"));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @GET
    @Path("/audit-logs")
    @Operation(summary = "platform audit logs", description = "system:admin. Changes of the platform configuration "
            + "(tenant defaults), which belong to no org. Newest first; filters actor, action, from, to (ISO-8601); cursor paged.")
    public ApiResponse<List<AuditEntryView>> auditLogs(@BeanParam AuditLogQuery query) {
        return AuditEntryView.page(auditLog.platformPage(query.filter(), query.page()));
    }

    private static String required(String orgId) {
        if (orgId == null || orgId.isBlank()) {
            throw ProblemException.invalidField("orgId", "is required");
        }
        return orgId;
    }
}
