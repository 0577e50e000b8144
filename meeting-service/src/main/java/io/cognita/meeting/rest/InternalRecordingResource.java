package io.cognita.meeting.rest;

import io.cognita.meeting.service.RecordingReader;
import io.cognita.platform.auth.Caller;
import io.cognita.platform.request.Ids;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A stored recording's bytes, streamed from the store, for services inside the cluster (the readPath of
 * recording.uploaded; the gateway routes nothing under /api/internal; the internal token is required). With a
 * user's token the user must be a member of the meeting's workspace; without one the caller is the suite itself.
 */
@Path("/internal/recordings/{recordingId}/content")
public class InternalRecordingResource {

    private final RecordingReader reader;
    private final Caller caller;

    public InternalRecordingResource(RecordingReader reader, Caller caller) {
        this.reader = reader;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public Response content(@PathParam("recordingId") String recordingId) {
        var id = Ids.uuid("recordingId", recordingId);
        RecordingReader.Content content = caller.isAuthenticated() ? reader.open(id) : reader.openForService(id);
        return Response.ok(content.body(), content.contentType()).header("Content-Length", content.sizeBytes())
                .header("Digest", "sha-256=" + content.sha256()).build();
    }
}
