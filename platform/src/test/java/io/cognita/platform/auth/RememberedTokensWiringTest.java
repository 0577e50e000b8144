package io.cognita.platform.auth;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The parser that smallrye-jwt's authentication mechanism gets in a service is the remembering one. */
@QuarkusTest
class RememberedTokensWiringTest {

    @Inject
    JWTParser parser;

    @Test
    void servicesVerifyTokensThroughTheRememberingParser() {
        assertInstanceOf(RememberedTokens.class, ClientProxy.unwrap(parser));
    }
}
