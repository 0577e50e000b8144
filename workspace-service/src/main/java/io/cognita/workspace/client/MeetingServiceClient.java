package io.cognita.workspace.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** meeting-service's internal create endpoint; only {@link MeetingService} uses it. */
@RegisterRestClient(configKey = "meeting-service")
@ClientHeaderParam(name = "X-Cognita-Internal-Token", value = "${cognita.internal.token}")
@Path("/api/internal/meetings")
interface MeetingServiceClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(@HeaderParam("Authorization") String authorization, @HeaderParam("X-Request-ID") String requestId,
                    @HeaderParam("Idempotency-Key") String idempotencyKey, MeetingDraft draft);
}
