package io.cognita.meeting.rest;

import io.cognita.meeting.service.MeetingService;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Opening a meeting, called by workspace-service with the caller's token and Idempotency-Key (the gateway routes
 * nothing under /api/internal). Idempotent by key: workspace-service's retry never makes a second meeting.
 */
@Path("/internal/meetings")
@Produces(MediaType.APPLICATION_JSON)
public class InternalMeetingResource {

    private final MeetingService meetings;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public InternalMeetingResource(MeetingService meetings, IdempotentRequests idempotency, Caller caller) {
        this.meetings = meetings;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response open(@NotNull @Valid MeetingRequests.Open body, @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(caller.id(), key, "POST", "/api/internal/meetings", body, () -> Response.status(201)
                .entity(ApiResponse.ok("Meeting started", meetings.open(body.workspaceId(), body.orgId(), body.title().strip(),
                        body.scheduledFor()))).build());
    }
}
