package io.cognita.transcription.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "meeting-service")
@ClientHeaderParam(name = "X-Cognita-Internal-Token", value = "${cognita.internal.token}")
@Path("/api/internal/recordings")
interface RecordingSourceClient {

    @GET
    @Path("/{recordingId}/content")
    Response content(@PathParam("recordingId") String recordingId);
}
