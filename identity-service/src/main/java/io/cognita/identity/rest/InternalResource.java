package io.cognita.identity.rest;

import io.cognita.identity.domain.Revocation;
import io.cognita.identity.service.RevocationList;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * Service-to-service endpoints, never routed by the gateway (its route table has no /api/internal pattern;
 * in Kubernetes the network policy admits only the gateway). Hidden from the public OpenAPI.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalResource {

    private final RevocationList revocations;

    public InternalResource(RevocationList revocations) {
        this.revocations = revocations;
    }

    @GET
    @Path("/revoked-sessions")
    @Operation(hidden = true)
    public List<Revocation> revokedSessions() {
        return revocations.inForce();
    }
}
