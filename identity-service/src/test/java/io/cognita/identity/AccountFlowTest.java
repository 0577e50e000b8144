package io.cognita.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.cognita.platform.testing.EventTap;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static io.cognita.identity.Clients.PASSWORD;
import static io.cognita.identity.Clients.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class AccountFlowTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void registerFollowTheMailedLinkAndSignIn() {
        String email = Clients.newEmail();
        try (EventTap tap = new EventTap("cognita.identity")) {
            json().body("{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\" Ada \","
                            + "\"locale\":\"en-GB\",\"timezone\":\"Europe/London\"}")
                    .when().post("/api/auth/register").then().statusCode(202).body("status", equalTo("ok"));
            String token = Clients.tokenFromMail(mailbox, email, "Confirm your e-mail");
            JsonNode registered = tap.await(e -> "user.registered".equals(e.path("type").asText())
                    && email.equals(e.at("/data/email").asText()), Duration.ofSeconds(20)).orElseThrow();
            String userId = registered.at("/data/userId").asText();

            json().body("{\"token\":\"" + token + "\"}").when().post("/api/auth/verify-email").then().statusCode(200);
            tap.await(e -> "user.email-verified".equals(e.path("type").asText())
                    && userId.equals(e.at("/data/userId").asText()), Duration.ofSeconds(20)).orElseThrow();
            json().body("{\"token\":\"" + token + "\"}").when().post("/api/auth/verify-email")
                    .then().statusCode(400).body("code", equalTo("INVALID_TOKEN"));

            String access = Clients.login(email, PASSWORD).getString("data.accessToken");
            given().auth().oauth2(access).when().get("/api/auth/profile").then().statusCode(200)
                    .body("data.userId", equalTo(userId))
                    .body("data.email", equalTo(email))
                    .body("data.emailVerified", is(true))
                    .body("data.displayName", equalTo("Ada"))
                    .body("data.locale", equalTo("en-GB"))
                    .body("data.timezone", equalTo("Europe/London"));
        }
    }

    @Test
    void aVerificationLinkExpires() {
        String email = Clients.newEmail();
        Clients.register(email);
        String token = Clients.tokenFromMail(mailbox, email, "Confirm your e-mail");
        IdentityClock.CLOCK.advance(Duration.ofHours(25));
        try {
            json().body("{\"token\":\"" + token + "\"}").when().post("/api/auth/verify-email")
                    .then().statusCode(400).body("code", equalTo("INVALID_TOKEN"));
        } finally {
            IdentityClock.CLOCK.advance(Duration.ofHours(-25));
        }
    }

    @Test
    void registeringATakenAddressLooksTheSameAndMailsItsOwner() {
        String email = Clients.newEmail();
        String first = json().body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"A\"}")
                .when().post("/api/auth/register").then().statusCode(202).extract().asString();
        String second = json().body("{\"email\":\"" + email + "\",\"password\":\"another long password\",\"displayName\":\"B\"}")
                .when().post("/api/auth/register").then().statusCode(202).extract().asString();
        assertEquals(Clients.withoutRequestId(first), Clients.withoutRequestId(second));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Clients.mails(mailbox, email).stream()
                .anyMatch(m -> m.getSubject().equals("Your Cognita account")));
        // the first password still holds
        Clients.login(email, PASSWORD);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "short password      | {\"email\":\"x-short@example.org\",\"password\":\"short\",\"displayName\":\"A\"}                     | password",
            "password = e-mail   | {\"email\":\"same-as-password@example.org\",\"password\":\"Same-As-Password@example.org\",\"displayName\":\"A\"} | password",
            "bad e-mail          | {\"email\":\"nope\",\"password\":\"a long enough password\",\"displayName\":\"A\"}                  | email",
            "no display name     | {\"email\":\"x-nodn@example.org\",\"password\":\"a long enough password\"}                           | displayName",
            "bad locale          | {\"email\":\"x-loc@example.org\",\"password\":\"a long enough password\",\"displayName\":\"A\",\"locale\":\"?\"} | locale",
            "bad time zone       | {\"email\":\"x-tz@example.org\",\"password\":\"a long enough password\",\"displayName\":\"A\",\"timezone\":\"Mars/Base\"} | timezone",
            "unknown field       | {\"email\":\"x-uf@example.org\",\"password\":\"a long enough password\",\"displayName\":\"A\",\"admin\":true} | admin",
    })
    void badRegistrationsAre400(String label, String body, String field) {
        json().body(body).when().post("/api/auth/register")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void theProfileCanBeUpdated() {
        String access = Clients.verifiedUser(mailbox, Clients.newEmail()).getString("data.accessToken");
        given().auth().oauth2(access).contentType("application/json")
                .body("{\"displayName\":\"Grace\",\"timezone\":\"America/New_York\",\"avatarUrl\":\"https://cdn.example.org/g.png\"}")
                .when().patch("/api/auth/update-profile").then().statusCode(200)
                .body("data.displayName", equalTo("Grace"))
                .body("data.timezone", equalTo("America/New_York"))
                .body("data.avatarUrl", equalTo("https://cdn.example.org/g.png"));
        given().auth().oauth2(access).contentType("application/json").body("{\"avatarUrl\":\"javascript:alert(1)\"}")
                .when().patch("/api/auth/update-profile").then().statusCode(400).body("errors.field", hasItem("avatarUrl"));
        given().auth().oauth2(access).contentType("application/json").body("{\"locale\":\"!!\"}")
                .when().patch("/api/auth/update-profile").then().statusCode(400).body("errors.field", hasItem("locale"));
        given().auth().oauth2(access).when().get("/api/auth/profile").then().body("data.displayName", equalTo("Grace"));
    }

    @Test
    void anAccountIsDeletedWithItsPasswordAndAnnounced() {
        String email = Clients.newEmail();
        var login = Clients.verifiedUser(mailbox, email);
        String access = login.getString("data.accessToken");
        String userId = login.getString("data.user.userId");
        given().auth().oauth2(access).contentType("application/json").body("{\"currentPassword\":\"wrong\"}")
                .when().post("/api/auth/delete-account").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        try (EventTap tap = new EventTap("cognita.identity")) {
            given().auth().oauth2(access).contentType("application/json").body("{\"currentPassword\":\"" + PASSWORD + "\"}")
                    .when().post("/api/auth/delete-account").then().statusCode(200);
            tap.await(e -> "user.deleted".equals(e.path("type").asText()) && userId.equals(e.at("/data/userId").asText()),
                    Duration.ofSeconds(20)).orElseThrow();
        }
        given().auth().oauth2(access).when().get("/api/auth/profile").then().statusCode(401);
        json().body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").when().post("/api/auth/login")
                .then().statusCode(401);
        // the address is free again
        Clients.verifiedUser(mailbox, email);
    }

    @Test
    void userEndpointsNeedASignedInUser() {
        given().when().get("/api/auth/profile").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().contentType("application/json").body("{}").when().patch("/api/auth/update-profile").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/auth/logout").then().statusCode(401);
        given().when().get("/api/auth/sessions").then().statusCode(401);
        given().when().post("/api/auth/request-reset-password").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/auth/change-password").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/auth/delete-account").then().statusCode(401);
    }
}
