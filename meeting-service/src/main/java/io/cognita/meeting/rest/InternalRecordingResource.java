package io.cognita.meeting.rest;

import io.cognita.meeting.service.RecordingReader;
import io.cognita.platform.request.Ids;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A stored recording's bytes, streamed from the store, for services inside the cluster (the readPath of
 * recording.uploaded; the gateway routes nothing under /api/internal). The caller must see the meeting.
 */
@Path("/internal/recordings/{recordingId}/content")
public class InternalRecordingResource {

    private final RecordingReader reader;

    public InternalRecordingResource(RecordingReader reader) {
        this.reader = reader;
    }

    @GET
    @Operation(hidden = true)
    public Response content(@PathParam("recordingId") String recordingId) {
        RecordingReader.Content content = reader.open(Ids.uuid("recordingId", recordingId));
        return Response.ok(content.body(), content.contentType()).header("Content-Length", content.sizeBytes())
                .header("Digest", "sha-256=" + content.sha256()).build();
    }
}
