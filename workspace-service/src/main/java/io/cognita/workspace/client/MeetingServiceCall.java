package io.cognita.workspace.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * One guarded call to meeting-service. Each attempt is bounded (1 s); a refused connection, a timeout or a 5xx
 * is retried once, which is safe only because the call carries an Idempotency-Key (meeting-service creates one
 * meeting per key); attempts and delay fit in 2.2 s, so the caller answers within 3 s. When most recent calls
 * failed the circuit opens for 5 s and calls fail at once. A 4xx is meeting-service's answer, passed on, and
 * counts as a success for the breaker.
 */
@ApplicationScoped
class MeetingServiceCall {

    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private final MeetingServiceClient client;

    MeetingServiceCall(@RestClient MeetingServiceClient client) {
        this.client = client;
    }

    /** A 4xx body as JSON, or an empty object when it is none (a 4xx is an answer either way, never retried). */
    private static JsonNode readQuietly(Response response) {
        try {
            return response.readEntity(JsonNode.class);
        } catch (RuntimeException notJson) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    @Timeout(value = 1, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, maxDuration = 2500, retryOn = {ProcessingException.class, TimeoutException.class,
            Unavailable.class}, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5000, successThreshold = 1,
            skipOn = ProblemException.class)
    JsonNode create(String authorization, String requestId, String idempotencyKey, MeetingDraft draft) {
        try (Response response = client.create(authorization, requestId, idempotencyKey, draft)) {
            int status = response.getStatus();
            if (status >= 500) {
                throw new Unavailable("meeting-service answered " + status);
            }
            if (status >= 400) {
                JsonNode problem = readQuietly(response);
                throw new ProblemException(status, problem.path("code").asText("MEETING_REFUSED"),
                        problem.path("title").asText("Meeting refused"), problem.path("detail").asText(null));
            }
            return response.readEntity(JsonNode.class).path("data");
        }
    }
}
