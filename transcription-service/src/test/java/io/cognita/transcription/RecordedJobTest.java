package io.cognita.transcription;

import io.cognita.transcription.repository.JobRepository;
import io.cognita.transcription.service.MeetingEffects;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.cognita.transcription.service.RecordedTranscription;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The recorded-transcription job table: leases fence late writers; a job whose worker keeps dying gives up. The
 * scheduled worker is off here: the test claims and runs jobs itself.
 */
@QuarkusTest
@TestProfile(RecordedJobTest.WorkerOff.class)
class RecordedJobTest {

    public static class WorkerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cognita.jobs.every", "off");
        }
    }

    @Inject
    JobRepository jobs;
    @Inject
    MeetingEffects effects;
    @Inject
    EntityManager em;
    @Inject
    RecordedTranscription recorded;

    @Test
    void aWorkerWhoseLeasePassedCannotFinishTheJob() {
        UUID recordingId = UUID.randomUUID();
        Instant later = Instant.now().plus(Duration.ofDays(1)); // out of reach of the scheduled worker
        QuarkusTransaction.requiringNew().run(() -> {
            effects.recordingUploaded(recordingId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "/x", "audio/wav", 10, null);
            em.createNativeQuery("UPDATE transcription_jobs SET next_attempt_at = :t WHERE recording_id = :r")
                    .setParameter("t", java.sql.Timestamp.from(later)).setParameter("r", recordingId).executeUpdate();
        });
        var first = claimOurs(recordingId, later).orElseThrow();
        assertThat("leased: not claimed again", claimOurs(recordingId, later.plusSeconds(60)).isPresent(), equalTo(false));
        var second = claimOurs(recordingId, later.plus(Duration.ofMinutes(31))).orElseThrow();
        assertThat(second.lease().isAfter(first.lease()), equalTo(true));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.done(first)), equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.failed(first, "late", later, true)), equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.done(second)), equalTo(true));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.done(second)), equalTo(false));
    }

    @Test
    void aRenewedLeaseFencesTheOldOne() {
        UUID recordingId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> effects.recordingUploaded(recordingId, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "/x", "audio/wav", 10, null));
        Instant at = Instant.now().plus(Duration.ofDays(3650));
        JobRepository.Job first = claimOurs(recordingId, at).orElseThrow();
        JobRepository.Job renewed = QuarkusTransaction.requiringNew().call(() -> jobs.extend(first, at.plus(Duration.ofHours(1)))).orElseThrow();
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.extend(first, at.plus(Duration.ofHours(2)))).isPresent(), equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.done(first)), equalTo(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.done(renewed)), equalTo(true));
    }

    @Test
    void aJobClaimedMoreOftenThanItsAttemptsFailsWithAReason() {
        UUID recordingId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            effects.recordingUploaded(recordingId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "/x", "audio/wav", 10, null);
            em.createNativeQuery("UPDATE transcription_jobs SET attempts = 5 WHERE recording_id = :r").setParameter("r", recordingId)
                    .executeUpdate();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recorded.runOnce(); // jobs of other tests and runs may come first
            return "failed".equals(status(recordingId));
        });
        // clients see the kind of failure; the detail stays in the job row (and the log)
        assertThat(QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT failure_reason FROM transcripts WHERE recording_id = :r").setParameter("r", recordingId).getSingleResult()),
                equalTo("transcription failed"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT last_error FROM transcription_jobs WHERE recording_id = :r").setParameter("r", recordingId).getSingleResult()),
                containsString("stopped during each"));
    }

    /** Claims at {@code at} until this test's job comes; other tests' jobs met on the way are released at once. */
    private java.util.Optional<JobRepository.Job> claimOurs(UUID recordingId, Instant at) {
        for (int i = 0; i < 1000; i++) {
            var job = QuarkusTransaction.requiringNew().call(() -> jobs.claim(at, Duration.ofMinutes(30)));
            if (job.isEmpty() || job.get().recordingId().equals(recordingId)) {
                return job;
            }
            QuarkusTransaction.requiringNew().run(() -> jobs.failed(job.get(), "released by a test", at.plus(Duration.ofDays(365)), false));
        }
        throw new AssertionError("too many jobs due");
    }

    private String status(UUID recordingId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT status FROM transcripts WHERE recording_id = :r")
                .setParameter("r", recordingId).getSingleResult());
    }
}
