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
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * Ten failures from one address hold that address back for that account (15 min), and it then gets
     * exactly what an unknown account or a wrong password gets; the owner from elsewhere is not locked out.
     */
    @Test
    void aStrangerHoldsBackOnlyTheirOwnAddress() {
        String email = Clients.newEmail();
        Clients.verifiedUser(mailbox, email);
        String stranger = Clients.newAddress();
        Duration moved = Duration.ZERO;
        try {
            for (int i = 0; i < 10; i++) {
                if (i % 5 == 0) {
                    // a new throttle window every five attempts, so what answers is the hold, not the 429
                    IdentityClock.CLOCK.advance(Duration.ofMinutes(1));
                    moved = moved.plusMinutes(1);
                }
                attempt(email, "wrong password", stranger).then().statusCode(401);
            }
            IdentityClock.CLOCK.advance(Duration.ofMinutes(1));
            moved = moved.plusMinutes(1);
            String held = attempt(email, PASSWORD, stranger).then().statusCode(401).extract().asString();
            String unknown = attempt(Clients.newEmail(), PASSWORD, stranger).then().statusCode(401).extract().asString();
            String wrong = attempt(email, "wrong password", Clients.newAddress()).then().statusCode(401).extract().asString();
            assertEquals(Clients.withoutRequestId(unknown), Clients.withoutRequestId(held));
            assertEquals(Clients.withoutRequestId(wrong), Clients.withoutRequestId(held));
            // the owner, from their own address
            attempt(email, PASSWORD, Clients.newAddress()).then().statusCode(200);
            IdentityClock.CLOCK.advance(Duration.ofMinutes(15));
            moved = moved.plusMinutes(15);
            attempt(email, PASSWORD, stranger).then().statusCode(200);
        } finally {
            IdentityClock.CLOCK.advance(moved.negated());
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
