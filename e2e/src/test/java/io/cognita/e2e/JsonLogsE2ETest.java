package io.cognita.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

/**
 * The packaged services run in the prod profile, as in production: every line they log is a JSON object (level,
 * logger, message; the MDC, with the request id, when the line was logged for a request or an event).
 */
@ExtendWith(SuiteExtension.class)
class JsonLogsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineOfEveryServiceIsAJsonRecord() throws Exception {
        List<String> notJson = new ArrayList<>();
        int lines = 0;
        for (String service : List.of("identity-service", "org-service", "workspace-service", "meeting-service", "transcription-service",
                "gateway")) {
            Path log = Suite.logOf(service);
            for (String line : Files.readAllLines(log)) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                try {
                    JsonNode record = JSON.readTree(line);
                    if (!record.isObject() || !record.has("level") || !record.has("message") || !record.has("loggerName")) {
                        notJson.add(service + ": " + line);
                    }
                } catch (Exception e) {
                    notJson.add(service + ": " + line);
                }
            }
        }
        assertThat(lines, greaterThan(0));
        assertThat("log lines that are not JSON records", notJson, empty());
    }
}
