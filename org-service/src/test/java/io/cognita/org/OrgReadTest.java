package io.cognita.org;

import io.agroal.api.AgroalDataSource;
import io.cognita.org.domain.OrgRole;
import io.cognita.platform.testing.TestJwksResource;
import io.cognita.platform.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.cognita.org.OrgFixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(TestJwksResource.class)
class OrgReadTest {

    @Inject
    OrgFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void membersAndSystemAdminsSeeAnOrganizationOthersDoNot() {
        String orgId = OrgFixtures.createOrg();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);

        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + orgId)
                .then().statusCode(200).body("status", equalTo("ok")).body("data.orgId", equalTo(orgId));
        given().auth().oauth2(TestTokens.user(member)).when().get("/api/orgs/" + orgId)
                .then().statusCode(200).body("data.orgId", equalTo(orgId));

        String otherOrgsAdmin = TestTokens.newUserId();
        fixtures.addMember(OrgFixtures.createOrg(), otherOrgsAdmin, OrgRole.ADMIN);
        given().auth().oauth2(TestTokens.user(otherOrgsAdmin)).when().get("/api/orgs/" + orgId)
                .then().statusCode(404).body("code", equalTo("ORG_NOT_FOUND"));
        given().when().get("/api/orgs/" + orgId).then().statusCode(401);
    }

    @Test
    void aMemberReadsAnOrganizationWithOneConnectionBorrowed() {
        String orgId = OrgFixtures.createOrg();
        String member = TestTokens.newUserId();
        fixtures.addMember(orgId, member, OrgRole.MEMBER);
        String token = TestTokens.user(member);
        // outside a transaction Hibernate borrows (and the pool validates) a connection per statement: the read is one
        // statement. Background work (relay, consumers) may borrow meanwhile, so the fewest of several reads counts.
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long before = dataSource.getMetrics().acquireCount();
            given().auth().oauth2(token).when().get("/api/orgs/" + orgId).then().statusCode(200);
            fewest = Math.min(fewest, dataSource.getMetrics().acquireCount() - before);
        }
        assertEquals(1, fewest);
    }

    @Test
    void unknownAndMalformedIds() {
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("ORG_NOT_FOUND"));
        given().auth().oauth2(ADMIN).when().get("/api/orgs/not-a-uuid")
                .then().statusCode(400).body("code", equalTo("INVALID_ID")).body("errors.field", hasItem("orgId"));
    }

    @Test
    void aUserListsOnlyTheirOrganizations() {
        String user = TestTokens.newUserId();
        String mine = OrgFixtures.createOrg();
        String notMine = OrgFixtures.createOrg();
        fixtures.addMember(mine, user, OrgRole.MEMBER);
        given().auth().oauth2(TestTokens.user(user)).when().get("/api/orgs")
                .then().statusCode(200)
                .body("data.orgId", equalTo(List.of(mine)))
                .body("meta.limit", is(50))
                .body("meta.nextCursor", nullValue());
        String name = given().auth().oauth2(ADMIN).when().get("/api/orgs/" + notMine).then().extract().path("data.name");
        given().auth().oauth2(ADMIN).queryParam("q", name).when().get("/api/orgs")
                .then().statusCode(200).body("data.orgId", hasItem(notMine));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsOrGaps() {
        String user = TestTokens.newUserId();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String orgId = OrgFixtures.createOrg();
            fixtures.addMember(orgId, user, OrgRole.MEMBER);
            created.add(orgId);
        }
        List<String> seen = walk(user, null);
        assertEquals(created.stream().sorted().toList(), seen.stream().sorted().toList());
        assertEquals(5, seen.size());
        // newest first by default (a new org is on the first page); order=asc walks the same list backwards
        List<String> oldestFirst = new ArrayList<>(walk(user, "asc"));
        java.util.Collections.reverse(oldestFirst);
        assertEquals(seen, oldestFirst);
        assertEquals(seen, walk(user, "desc"));
        given().auth().oauth2(TestTokens.user(user)).queryParam("order", "sideways").when().get("/api/orgs")
                .then().statusCode(400).body("errors.field", hasItem("order"));
    }

    private static List<String> walk(String user, String order) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(TestTokens.user(user)).queryParam("limit", 2);
            if (order != null) {
                request.queryParam("order", order);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get("/api/orgs").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.orgId"));
            cursor = page.getString("meta.nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void listingFiltersAndBadParameters() {
        given().auth().oauth2(ADMIN).queryParam("status", "suspended").when().get("/api/orgs")
                .then().statusCode(200).body("data.isSuspended", not(hasItem(false)));
        given().auth().oauth2(ADMIN).queryParam("status", "sleeping").when().get("/api/orgs")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(ADMIN).queryParam("limit", 0).when().get("/api/orgs")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(ADMIN).queryParam("limit", "ten").when().get("/api/orgs")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(ADMIN).queryParam("limit", 201).when().get("/api/orgs")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().auth().oauth2(ADMIN).queryParam("cursor", "!!garbage").when().get("/api/orgs")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().when().get("/api/orgs").then().statusCode(401);
    }

    /** Found by an outside fuzzer: both answered 500 with a stack trace in the log. */
    @Test
    void aForgedCursorOrANulInTheQueryIsA400OnEveryPagedEndpoint() {
        String orgId = OrgFixtures.createOrg();
        for (String path : List.of("/api/orgs", "/api/orgs/" + orgId + "/members", "/api/orgs/" + orgId + "/audit-logs",
                "/api/config/audit-logs")) {
            for (String cursor : List.of("eB95", "eB95eB95", "AA", "MjAyNS0xMC0yMlQxNDozMDowMFofbm90LWEtdXVpZA")) {
                given().auth().oauth2(ADMIN).queryParam("cursor", cursor).when().get(path)
                        .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
            }
        }
        given().auth().oauth2(ADMIN).urlEncodingEnabled(false).when().get("/api/orgs?q=%E2%80%AE%00")
                .then().statusCode(400).body("code", equalTo("INVALID_CHARACTERS"));
    }

    @Test
    void anUnknownPathIsAProblem() {
        given().auth().oauth2(ADMIN).when().get("/api/orgs/" + UUID.randomUUID() + "/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().delete("/api/orgs")
                .then().statusCode(405).contentType("application/problem+json").body("code", equalTo("METHOD_NOT_ALLOWED"));
    }
}
