package io.cognita.platform.readmodel;

import io.cognita.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The in-memory copy of an event-fed table: loaded whole, then refreshed by changes, and never trusted when stale. */
class RefreshedViewTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00Z");

    private final List<RefreshedView.Change<String, String>> table = new ArrayList<>();
    private final List<Instant> asked = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final RefreshedView<String, String> view = new RefreshedView<>("test table", since -> {
        asked.add(since);
        return table.stream().filter(c -> c.changedAt().isAfter(since)).toList();
    }, Duration.ofSeconds(30), nanos::get);

    @Test
    void theFirstRefreshLoadsEverythingAndTheNextOnlyWhatChangedSinceLookingBackAFewSeconds() {
        table.add(new RefreshedView.Change<>("a", "1", T0));
        table.add(new RefreshedView.Change<>("b", "1", T0.plusSeconds(10)));
        view.refresh();
        assertEquals(Instant.EPOCH, asked.get(0));
        assertEquals(Optional.of("1"), view.get("a"));

        // a transaction that committed late: its row is older than the newest change already read
        table.add(new RefreshedView.Change<>("late", "1", T0.plusSeconds(7)));
        table.add(new RefreshedView.Change<>("a", "2", T0.plusSeconds(12)));
        view.refresh();
        assertEquals(T0.plusSeconds(10).minus(RefreshedView.LOOK_BACK), asked.get(1));
        assertEquals(Optional.of("2"), view.get("a"));
        assertEquals(Optional.of("1"), view.get("late"));
        assertEquals(Optional.empty(), view.get("never"));

        view.refresh();
        assertEquals(T0.plusSeconds(12).minus(RefreshedView.LOOK_BACK), asked.get(2), "nothing new: the same point");
    }

    @Test
    void aViewNeverLoadedOrNotRefreshedForItsBoundAnswers503() {
        ProblemException notLoaded = assertThrows(ProblemException.class, () -> view.get("a"));
        assertEquals(503, notLoaded.status());

        view.refresh();
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals(Optional.empty(), view.get("a"));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        ProblemException stale = assertThrows(ProblemException.class, () -> view.get("a"));
        assertEquals("DATABASE_UNAVAILABLE", stale.code());

        view.refresh();
        assertEquals(Optional.empty(), view.get("a"));
    }

    @Test
    void entriesThatNoLongerMatterAreForgotten() {
        table.add(new RefreshedView.Change<>("old", "expired", T0));
        table.add(new RefreshedView.Change<>("new", "live", T0));
        view.refresh();
        view.forgetIf("expired"::equals);
        assertEquals(1, view.size());
        assertEquals(Optional.empty(), view.get("old"));
    }
}
