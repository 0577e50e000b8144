package io.cognita.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The forwarded URI of an upgrade never carries the access token, however its name is written. */
class WebSocketTunnelTest {

    @Test
    void theAccessTokenLeavesTheUri() {
        assertEquals("/api/transcription/live?meetingId=m1&role=listener",
                WebSocketTunnel.withoutAccessToken("/api/transcription/live?meetingId=m1&access_token=abc&role=listener"));
        assertEquals("/api/transcription/live?meetingId=m1",
                WebSocketTunnel.withoutAccessToken("/api/transcription/live?meetingId=m1&access%5Ftoken=abc"));
        assertEquals("/api/transcription/live",
                WebSocketTunnel.withoutAccessToken("/api/transcription/live?access_token=abc"));
        assertEquals("/api/transcription/live?x=%zz",
                WebSocketTunnel.withoutAccessToken("/api/transcription/live?x=%zz&access_token=abc"));
        assertEquals("/api/transcription/live", WebSocketTunnel.withoutAccessToken("/api/transcription/live"));
    }
}
