package io.cognita.identity;

import io.cognita.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Platform's shared layering rules, every scheduled job on in the prod profile, and identity's prod settings. */
class ArchitectureTest extends ServiceArchitecture {

    @Override
    protected String basePackage() {
        return "io.cognita.identity";
    }

    @Test
    void productionBelievesForwardedAddressesOnlyFromTrustedProxies() {
        var prod = productionConfig();
        assertFalse(prod.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class).orElse("").isBlank(),
                "with proxy-address-forwarding on and no trusted proxies, anyone's X-Forwarded-For is believed");
    }

    @Test
    void productionSendsRealMail() {
        assertFalse(productionConfig().getValue("quarkus.mailer.mock", Boolean.class),
                "quarkus.mailer.mock must be false in the prod profile");
    }
}
