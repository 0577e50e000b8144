package io.cognita.workspace.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

import java.util.Map;

/** meeting-service as workspace-service sees it: start a meeting, or a 503 problem when it cannot answer. */
@ApplicationScoped
public class MeetingService {

    private static final Logger LOG = Logger.getLogger(MeetingService.class);

    private final MeetingServiceCall call;

    MeetingService(MeetingServiceCall call) {
        this.call = call;
    }

    /** The created (or, for a repeated key, the first) meeting as meeting-service describes it. */
    public JsonNode start(String authorization, String requestId, String idempotencyKey, MeetingDraft draft) {
        try {
            return call.create(authorization, requestId, idempotencyKey, draft);
        } catch (ProblemException passedOn) {
            throw passedOn;
        } catch (FaultToleranceException | ProcessingException | MeetingServiceCall.Unavailable e) {
            LOG.warnf("meeting-service unavailable: %s", e.toString());
            throw new ProblemException(503, "MEETING_SERVICE_UNAVAILABLE", "Meeting service unavailable",
                    "Meetings cannot be started right now; retry with the same Idempotency-Key.", null,
                    Map.of("Retry-After", "5"));
        }
    }
}
