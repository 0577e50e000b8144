package io.cognita.meeting.rest;

import io.cognita.meeting.service.MeetingView;
import io.cognita.meeting.service.RecordingUploads;
import io.cognita.meeting.service.UploadView;
import io.cognita.platform.api.ApiResponse;
import io.cognita.platform.problem.FieldError;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

@Path("/meetings/{meetingId}/recordings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public class RecordingResource {

    private final RecordingUploads uploads;

    public RecordingResource(RecordingUploads uploads) {
        this.uploads = uploads;
    }

    @POST
    @Path("/upload-init")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "start recording upload", description = "The host or a workspace admin (meeting:write), for a "
            + "live or ended meeting. fileName (a plain name), contentType (audio or video, from the configured list), "
            + "sizeBytes (up to the configured maximum), sha256 (hex) → uploadId, partSize, partCount, part URLs, expiry. "
            + "403 RECORDING_DISABLED when the org's recordingConsent is disabled; 409 CONSENT_MISSING (naming who) when "
            + "it is required and a participant has not consented.")
    @APIResponse(responseCode = "201", description = "Upload opened",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Envelopes.UploadEnvelope.class)))
    @APIResponse(responseCode = "403", description = "RECORDING_DISABLED, or not the host or a workspace admin")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CONSENT_MISSING (errors name who)")
    @APIResponse(responseCode = "422", description = "INVALID_MEETING_STATE (a scheduled meeting)")
    public Response init(@PathParam("meetingId") String meetingId, @NotNull @Valid MeetingRequests.UploadInit body) {
        UploadView upload = uploads.init(Ids.uuid("meetingId", meetingId), body.toRequest());
        return Response.status(201).entity(ApiResponse.ok("Upload opened", upload)).build();
    }

    @GET
    @Path("/{uploadId}")
    @Operation(summary = "recording upload status", description = "The host or a workspace admin. The parts received "
            + "so far (to resume after a dropped connection), the status, and the recording once completed.")
    @APIResponse(responseCode = "200", description = "The upload")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND, UPLOAD_NOT_FOUND")
    public ApiResponse<UploadView> status(@PathParam("meetingId") String meetingId, @PathParam("uploadId") String uploadId) {
        return ApiResponse.ok("Upload", uploads.status(Ids.uuid("meetingId", meetingId), Ids.uuid("uploadId", uploadId)));
    }

    @PUT
    @Path("/{uploadId}/parts/{n}")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @Operation(summary = "upload recording part", description = "The host or a workspace admin. Part n (1..partCount) "
            + "with a Content-Length of at most partSize (413 PART_TOO_LARGE; 411 without it), streamed to storage. "
            + "Idempotent by part number: a part sent again replaces the first. A body cut short stores nothing "
            + "(400 PART_INCOMPLETE). 410 UPLOAD_EXPIRED; 409 UPLOAD_COMPLETED.")
    @APIResponse(responseCode = "200", description = "Part received")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND, UPLOAD_NOT_FOUND (also another meeting's upload)")
    @APIResponse(responseCode = "409", description = "UPLOAD_COMPLETED, UPLOAD_COMPLETING")
    @APIResponse(responseCode = "410", description = "UPLOAD_EXPIRED")
    @APIResponse(responseCode = "411", description = "LENGTH_REQUIRED")
    @APIResponse(responseCode = "413", description = "PART_TOO_LARGE")
    @APIResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE (not application/octet-stream)")
    public ApiResponse<UploadView.PartView> putPart(@PathParam("meetingId") String meetingId,
                                                    @PathParam("uploadId") String uploadId, @PathParam("n") String n,
                                                    @Parameter(hidden = true) @HeaderParam("Content-Type") String contentType,
                                                    @HeaderParam("Content-Length") Long length, InputStream body) {
        try {
            if (contentType == null || !MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(MediaType.valueOf(contentType))) {
                throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                        "Send a part as application/octet-stream.");
            }
            return ApiResponse.ok("Part received", uploads.putPart(Ids.uuid("meetingId", meetingId),
                    Ids.uuid("uploadId", uploadId), partNumber(n), length, body));
        } catch (RuntimeException refused) {
            drain(body, uploads.partSize());
            throw refused;
        }
    }

    /**
     * Reads what is left of a refused part's body (at most the part size) before answering: a client still
     * sending gets the problem instead of a connection closed under it.
     */
    private static void drain(InputStream body, long max) {
        try {
            byte[] buffer = new byte[65536];
            long left = max + 1;
            int n;
            while (left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (java.io.IOException | RuntimeException gone) {
            // the client went away: nothing to answer
        }
    }

    @POST
    @Path("/{uploadId}/complete")
    @Operation(summary = "complete recording upload", description = "The host or a workspace admin. Checks that every "
            + "part arrived (422 UPLOAD_INCOMPLETE), the total size (422 SIZE_MISMATCH; the upload stays open to send the "
            + "wrong parts again) and the SHA-256 of what was stored (422 CHECKSUM_MISMATCH: the upload and what was "
            + "assembled are removed). Then recording.uploaded is published. Completing again answers the recording.")
    @APIResponse(responseCode = "200", description = "Recording stored")
    @APIResponse(responseCode = "404", description = "MEETING_NOT_FOUND, UPLOAD_NOT_FOUND")
    @APIResponse(responseCode = "409", description = "CONSENT_MISSING, UPLOAD_COMPLETING")
    @APIResponse(responseCode = "410", description = "UPLOAD_EXPIRED")
    @APIResponse(responseCode = "422", description = "UPLOAD_INCOMPLETE, SIZE_MISMATCH, CHECKSUM_MISMATCH")
    public ApiResponse<MeetingView.RecordingView> complete(@PathParam("meetingId") String meetingId,
                                                           @PathParam("uploadId") String uploadId) {
        return ApiResponse.ok("Recording stored", uploads.complete(Ids.uuid("meetingId", meetingId), Ids.uuid("uploadId", uploadId)));
    }

    private static int partNumber(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("INVALID_PART_NUMBER", "The part number is not a number.",
                    List.of(new FieldError("n", "must be a whole number")));
        }
    }
}
