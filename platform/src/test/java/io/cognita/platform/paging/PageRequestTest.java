package io.cognita.platform.paging;

import io.cognita.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    @Test
    void aCursorCarriesItsSortKey() {
        String cursor = PageRequest.cursor("2025-10-22T14:30:00Z", "a1b2");
        PageRequest page = PageRequest.of("10", cursor, 2);
        assertEquals(10, page.limit());
        assertEquals(List.of("2025-10-22T14:30:00Z", "a1b2"), page.after());
    }

    @Test
    void defaultsAndBounds() {
        assertEquals(50, PageRequest.of(null, null, 2).limit());
        assertNull(PageRequest.of(null, "", 2).after());
        assertEquals(200, PageRequest.of("200", null, 2).limit());
        for (String bad : new String[]{"0", "201", "-1", "ten", "1.5"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> PageRequest.of(bad, null, 2));
            assertEquals("limit", e.errors().get(0).field());
        }
    }

    @Test
    void aForeignCursorIsRefused() {
        assertThrows(ProblemException.class, () -> PageRequest.of(null, "%%%", 2));
        assertThrows(ProblemException.class, () -> PageRequest.of(null, PageRequest.cursor("only-one"), 2));
    }
}
