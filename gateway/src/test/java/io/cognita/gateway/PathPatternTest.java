package io.cognita.gateway;

import io.cognita.gateway.routing.PathPattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PathPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "/api/orgs/**, /api/orgs, true",
            "/api/orgs/**, /api/orgs/, true",
            "/api/orgs/**, /api/orgs/a/update, true",
            "/api/orgs/**, /api/orgsx, false",
            "/api/meetings/*/transcripts, /api/meetings/42/transcripts, true",
            "/api/meetings/*/transcripts, /api/meetings/42/transcripts/, true",
            "/api/meetings/*/transcripts, /api/meetings//transcripts, false",
            "/api/meetings/*/transcripts, /api/meetings/42/transcripts/7, false",
            "/api/meetings/*/transcripts, /api/meetings/transcripts, false",
            "/api/orgs, /api/orgs/, true",
            "/api/orgs, /api/orgs/1, false",
    })
    void matches(String pattern, String path, boolean expected) {
        assertEquals(expected, new PathPattern(pattern).matches(path));
    }
}
