package io.cognita.identity;

import io.cognita.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Platform's shared layering rules, every scheduled job on in the prod profile, and identity's prod settings. */
class ArchitectureTest extends ServiceArchitecture {

    @Override
    protected String basePackage() {
        return "io.cognita.identity";
    }

    @Test
    void productionNamesItsTrustedProxiesSmtpServerAndPublicUrl() {
        var prod = productionConfig();
        // with forwarding on and loopback as the only trusted proxy, every login behind the gateway would come from it
        for (String required : List.of("quarkus.http.proxy.trusted-proxies", "quarkus.mailer.host", "cognita.identity.public-url")) {
            assertThrows(NoSuchElementException.class, () -> prod.getValue(required, String.class),
                    required + " must come from the environment in production");
        }
        assertEquals("REQUIRED", prod.getValue("quarkus.mailer.start-tls", String.class));
    }

    @Test
    void productionSendsRealMail() {
        assertFalse(productionConfig().getValue("quarkus.mailer.mock", Boolean.class),
                "quarkus.mailer.mock must be false in the prod profile");
    }
}
