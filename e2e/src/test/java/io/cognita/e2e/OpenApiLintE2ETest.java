package io.cognita.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged document the gateway serves lints clean under Redocly's recommended rules (deviations justified
 * in the repository's redocly.yaml), with the Redocly CLI from the npm registry.
 */
@ExtendWith(SuiteExtension.class)
class OpenApiLintE2ETest {

    private static final String REDOCLY = "@redocly/cli@2.77.0";

    @Test
    void theMergedDocumentLintsClean() throws Exception {
        Suite suite = Suite.shared();
        Path root = Path.of(System.getProperty("cognita.root", "..")).toAbsolutePath().normalize();
        Path report = suite.openApiDocument().resolveSibling("redocly-lint.txt");
        Process lint = new ProcessBuilder(List.of("npx", "--yes", REDOCLY, "lint", suite.openApiDocument().toString(),
                "--config", root.resolve("redocly.yaml").toString(), "--format=stylish"))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(report.toFile()).start();
        assertTrue(lint.waitFor(180, TimeUnit.SECONDS), "redocly did not finish");
        assertEquals(0, lint.exitValue(), "redocly lint found errors:\n" + Files.readString(report));
    }
}
