package io.cognita.identity;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.cognita.identity.Clients.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every account flow, with everything logged captured: no one-time token, refresh or access token appears in it. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class NoSecretsInLogsTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    MockMailbox mailbox;

    @BeforeEach
    void capture() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void noFlowLogsATokenOrALinkCarryingOne() {
        String email = Clients.newEmail();
        Clients.register(email);
        String verify = Clients.tokenFromMail(mailbox, email, "Confirm your e-mail");
        json().body("{\"token\":\"" + verify + "\"}").when().post("/api/auth/verify-email").then().statusCode(200);
        var login = Clients.login(email, Clients.PASSWORD);
        String refresh = login.getString("data.refreshToken");
        var refreshed = json().body("{\"refreshToken\":\"" + refresh + "\"}").when().post("/api/auth/refresh")
                .then().statusCode(200).extract().jsonPath();
        json().body("{\"email\":\"" + email + "\"}").when().post("/api/auth/forgot-password").then().statusCode(202);
        String reset = Clients.tokenFromMail(mailbox, email, "Reset your");
        json().body("{\"token\":\"" + reset + "\",\"newPassword\":\"another long password 2\"}")
                .when().post("/api/auth/reset-password").then().statusCode(200);
        json().body("{\"token\":\"" + reset + "\",\"newPassword\":\"another long password 3\"}")
                .when().post("/api/auth/reset-password").then().statusCode(400);
        given().auth().oauth2(refreshed.getString("data.accessToken")).when().get("/api/auth/profile");

        org.jboss.logging.Logger.getLogger("io.cognita.identity").info("log capture canary");
        assertTrue(logged.contains("log capture canary"), "the capture sees what is logged");
        for (String secret : List.of(verify, reset, refresh, refreshed.getString("data.refreshToken"),
                login.getString("data.accessToken"))) {
            for (String line : logged) {
                assertFalse(line.contains(secret), "a secret was logged: " + line);
            }
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains("?token=")), "a link with a token was logged");
    }
}
