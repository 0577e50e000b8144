package io.cognita.identity;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.cognita.identity.Clients.PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class BruteForceTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void fiveAttemptsAMinutePerAccountAndAddress() {
        String email = Clients.newEmail();
        Clients.verifiedUser(mailbox, email);
        String address = Clients.newAddress();
        for (int i = 0; i < 5; i++) {
            attempt(email, "wrong password", address).then().statusCode(401);
        }
        attempt(email, PASSWORD, address).then().statusCode(429).body("code", equalTo("TOO_MANY_LOGIN_ATTEMPTS"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        // another address is not held back
        attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(200);
    }

    @Test
    void tenFailuresLockTheAccountForFifteenMinutes() {
        String email = Clients.newEmail();
        Clients.verifiedUser(mailbox, email);
        for (int i = 0; i < 9; i++) {
            attempt(email, "wrong password", Clients.newAddress()).then().statusCode(401);
        }
        attempt(email, "wrong password", Clients.newAddress()).then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED"))
                .header("Retry-After", "900");
        attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(423);
        IdentityClock.CLOCK.advance(Duration.ofMinutes(14));
        try {
            attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(423).header("Retry-After", "60");
            IdentityClock.CLOCK.advance(Duration.ofSeconds(61));
            attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(200);
        } finally {
            IdentityClock.CLOCK.advance(Duration.ofSeconds(-(14 * 60 + 61)));
        }
    }

    @Test
    void aSuccessResetsTheCount() {
        String email = Clients.newEmail();
        Clients.verifiedUser(mailbox, email);
        for (int i = 0; i < 9; i++) {
            attempt(email, "wrong password", Clients.newAddress()).then().statusCode(401);
        }
        attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(200);
        for (int i = 0; i < 9; i++) {
            attempt(email, "wrong password", Clients.newAddress()).then().statusCode(401);
        }
        attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(200);
    }

    private static io.restassured.response.Response attempt(String email, String password, String address) {
        return given().contentType("application/json").header("X-Forwarded-For", address)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").when().post("/api/auth/login");
    }
}
