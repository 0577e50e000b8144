package io.cognita.platform.jobs;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job named alike runs once at a time; whoever finds it running skips, and it is free again after. */
@QuarkusTest
class ExclusiveRunTest {

    @Inject
    ExclusiveRun exclusive;

    @Test
    void aSecondRunOfARunningJobSkipsItsTurn() throws Exception {
        String job = "test-job-" + UUID.randomUUID();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> exclusive.ifFree(job, () -> {
            started.countDown();
            await(release);
            return "first";
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));

        assertEquals(Optional.empty(), exclusive.ifFree(job, () -> "second"), "the lock is held by the first run");
        assertEquals(Optional.of("other"), exclusive.ifFree(job + "-other", () -> "other"), "another job is not held");

        release.countDown();
        assertEquals(Optional.of("first"), first.get(10, TimeUnit.SECONDS));
        assertEquals(Optional.of("third"), exclusive.ifFree(job, () -> "third"), "free again once the first ended");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
