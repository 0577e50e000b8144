package io.cognita.platform.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A lost optimistic-lock race is the caller's cue to retry (409), not a server fault (500). */
class ConcurrentUpdateTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anOptimisticLockFailureIs409HoweverWrapped() {
        RollbackException wrapped = new RollbackException("commit failed");
        wrapped.initCause(new OptimisticLockException("row version moved"));
        Response response = mappers.unexpected(new IllegalStateException(wrapped), null);
        assertEquals(409, response.getStatus());
        assertEquals("CONCURRENT_UPDATE", ((Problem) response.getEntity()).code());
    }

    @Test
    void anythingElseUnexpectedIs500() {
        Response response = mappers.unexpected(new IllegalStateException("boom"), null);
        assertEquals(500, response.getStatus());
        assertEquals("INTERNAL_ERROR", ((Problem) response.getEntity()).code());
    }
}
