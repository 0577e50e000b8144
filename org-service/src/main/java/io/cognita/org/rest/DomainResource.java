package io.cognita.org.rest;

import io.cognita.org.domain.OrgDomain;
import io.cognita.org.service.DomainService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.request.Ids;
import io.cognita.platform.validation.Hostname;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

@Path("/orgs/{orgId}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organization")
public class DomainResource {

    public record DomainsRequest(@NotNull @Size(max = 100) List<@NotNull @Hostname String> domains) {
    }

    public record DomainView(String domain, String state, String txtRecord, String txtValue, Instant lastCheckedAt,
                             Instant verifiedAt) {
        static DomainView of(OrgDomain d) {
            return new DomainView(d.domain, d.state.name().toLowerCase(Locale.ROOT), d.recordName(),
                    d.expectedValue(), d.lastCheckedAt, d.verifiedAt);
        }
    }

    private final DomainService domains;

    public DomainResource(DomainService domains) {
        this.domains = domains;
    }

    @GET
    @Operation(summary = "Allowed Domains", description = "Org admin. Each domain with its state (pending, verified, "
            + "failed), last check, and the TXT record to publish for verification.")
    public ApiResponse<List<DomainView>> list(@PathParam("orgId") String orgId) {
        return ApiResponse.ok("Allowed domains", domains.list(Ids.uuid("orgId", orgId)).stream().map(DomainView::of).toList());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Allowed Domains", description = "Org admin. Replaces the list; new domains start pending, "
            + "kept ones keep their state.")
    public ApiResponse<List<DomainView>> replace(@PathParam("orgId") String orgId, @NotNull @Valid DomainsRequest body) {
        return ApiResponse.ok("Allowed domains updated", domains.replace(Ids.uuid("orgId", orgId), body.domains()).stream()
                .map(DomainView::of).toList());
    }

    @POST
    @Path("/{domain}/verify")
    @Operation(summary = "Domain verfying", description = "Org admin. Looks up TXT _cognita.<domain> for "
            + "cognita-verification=<token>: verified or failed. 503 DNS_UNAVAILABLE when the resolver does not answer.")
    @RequestBody(required = false, description = "Nothing is read from a body; clients may send none, or anything.",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.OBJECT)))
    public ApiResponse<DomainView> verify(@PathParam("orgId") String orgId, @PathParam("domain") String domain) {
        return ApiResponse.ok("Domain checked", DomainView.of(domains.verify(Ids.uuid("orgId", orgId), domain)));
    }
}
