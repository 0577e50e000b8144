package io.cognita.identity;

import io.cognita.identity.domain.User;
import io.cognita.identity.repository.UserRepository;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static io.cognita.identity.Clients.json;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argon2id for new hashes; every byte of a long password counts; old bcrypt hashes verify and are replaced. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class PasswordHashTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    UserRepository users;

    @Test
    void onlyTheWholeLongPasswordSignsIn() {
        String email = Clients.newEmail();
        String userId = Clients.verifiedUser(mailbox, email).getString("data.user.userId");
        String longPassword = "x".repeat(80) + "-the-end-counts";
        String access = Clients.login(email, Clients.PASSWORD).getString("data.accessToken");
        io.restassured.RestAssured.given().auth().oauth2(access).contentType("application/json")
                .body("{\"currentPassword\":\"" + Clients.PASSWORD + "\",\"newPassword\":\"" + longPassword + "\"}")
                .when().post("/api/auth/change-password").then().statusCode(200);
        // same first 72 bytes, different end: bcrypt would have let it in
        login(email, "x".repeat(80) + "-another-end").statusCode(401);
        login(email, longPassword).statusCode(200);
        User user = QuarkusTransaction.requiringNew().call(() -> users.findById(userId));
        assertTrue(user.passwordHash.startsWith("$argon2id$v=19$m="), user.passwordHash);
    }

    @Test
    void aBcryptHashStillSignsInAndIsReplacedByArgon2id() {
        String email = Clients.newEmail();
        String userId = Clients.verifiedUser(mailbox, email).getString("data.user.userId");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String bcrypt = OpenBSDBCrypt.generate(Clients.PASSWORD.getBytes(StandardCharsets.UTF_8), salt, 6);
        QuarkusTransaction.requiringNew().run(() -> users.findById(userId).passwordHash = bcrypt);

        login(email, "not the password").statusCode(401);
        login(email, Clients.PASSWORD).statusCode(200);
        User user = QuarkusTransaction.requiringNew().call(() -> users.findById(userId));
        assertTrue(user.passwordHash.startsWith("$argon2id$"), "rehashed: " + user.passwordHash);
        login(email, Clients.PASSWORD).statusCode(200);
    }

    /** A stored hash is data: settings no hasher of ours writes (a tampered row) are refused, never computed. */
    @Test
    void aStoredHashWithOutlandishSettingsNeverMatchesAndIsNotComputed() {
        String email = Clients.newEmail();
        String userId = Clients.verifiedUser(mailbox, email).getString("data.user.userId");
        String saltAndHash = "$c2FsdHNhbHRzYWx0c2FsdA$" + "A".repeat(43);
        for (String settings : new String[]{"m=-1,t=2,p=1", "m=2147483647,t=2,p=1", "m=1024,t=2000000000,p=1",
                "m=1024,t=1,p=64", "m=1024,t=1,p=1,x=1", "m=1e3,t=1,p=1"}) {
            String tampered = "$argon2id$v=19$" + settings + saltAndHash;
            QuarkusTransaction.requiringNew().run(() -> users.findById(userId).passwordHash = tampered);
            login(email, Clients.PASSWORD).statusCode(401);
        }
    }

    private static io.restassured.response.ValidatableResponse login(String email, String password) {
        return json().body("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").when().post("/api/auth/login").then();
    }
}
