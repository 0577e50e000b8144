package io.cognita.workspace;

import io.cognita.platform.testing.ServiceArchitecture;

/** Platform's shared layering rules, and every scheduled job on in the prod profile. */
class ArchitectureTest extends ServiceArchitecture {

    @Override
    protected String basePackage() {
        return "io.cognita.workspace";
    }
}
