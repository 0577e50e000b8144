package io.cognita.meeting.rest;

import io.cognita.meeting.service.MeetingService;
import io.cognita.meeting.service.MeetingView;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.paging.PageRequest;
import io.cognita.platform.request.Ids;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class MeetingResource {

    private final MeetingService meetings;

    public MeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    @GET
    @Path("/meetings/{meetingId}")
    @Operation(summary = "get meeting", description = "Anyone who sees the meeting's workspace (meeting:read): workspace, "
            + "org, title, status, times, participants with their consent, recording and transcript state, and the "
            + "live-transcription URL while it is not ended.")
    public ApiResponse<MeetingView> get(@PathParam("meetingId") String meetingId) {
        return ApiResponse.ok("Meeting", meetings.get(Ids.uuid("meetingId", meetingId)));
    }

    @GET
    @Path("/workspaces/{workspaceId}/meetings")
    @Operation(summary = "list workspace meetings", description = "Anyone who sees the workspace (meeting:read). Newest "
            + "first, cursor paged. 404 WORKSPACE_NOT_FOUND for a workspace the caller does not see.")
    public ApiResponse<List<MeetingView>> list(@PathParam("workspaceId") String workspaceId,
                                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return ApiResponse.page("Meetings", meetings.list(Ids.uuid("workspaceId", workspaceId), PageRequest.of(limit, cursor, 2)));
    }

    @POST
    @Path("/meetings/{meetingId}/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "join meeting", description = "Workspace member (meeting:write). Records the caller as a "
            + "participant with their recording consent (true, false, or null: not answered; a rejoin keeps an earlier "
            + "answer unless a new one is given). The host or a workspace admin joining a scheduled meeting starts it; "
            + "422 INVALID_MEETING_STATE for others then, and for an ended meeting.")
    @APIResponse(responseCode = "200", description = "Joined")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "INVALID_MEETING_STATE")
    public ApiResponse<MeetingView.ParticipantView> join(@PathParam("meetingId") String meetingId,
                                                         @Valid MeetingRequests.Join body) {
        return ApiResponse.ok("Joined", meetings.join(Ids.uuid("meetingId", meetingId), body == null ? null : body.recordingConsent()));
    }

    @POST
    @Path("/meetings/{meetingId}/leave")
    @Operation(summary = "leave meeting", description = "A participant (meeting:write). 409 NOT_IN_MEETING when the "
            + "caller has not joined or has left.")
    @APIResponse(responseCode = "200", description = "Left")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "NOT_IN_MEETING")
    public ApiResponse<MeetingView.ParticipantView> leave(@PathParam("meetingId") String meetingId) {
        return ApiResponse.ok("Left", meetings.leave(Ids.uuid("meetingId", meetingId)));
    }

    @POST
    @Path("/meetings/{meetingId}/end")
    @Operation(summary = "end meeting", description = "The host or a workspace admin (meeting:write). live → ended; "
            + "422 INVALID_MEETING_STATE for a scheduled or ended meeting.")
    @APIResponse(responseCode = "200", description = "Meeting ended")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND")
    @APIResponse(responseCode = "422", description = "INVALID_MEETING_STATE")
    public ApiResponse<MeetingView> end(@PathParam("meetingId") String meetingId) {
        return ApiResponse.ok("Meeting ended", meetings.end(Ids.uuid("meetingId", meetingId)));
    }
}
