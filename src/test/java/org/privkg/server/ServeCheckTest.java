package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code GET /privkg/check}: the checks of 'privkg check' over HTTP. */
class ServeCheckTest {
    @Test
    void givesAVerdictPerCheckForOnePolicyWithTheFailingClauses() throws Exception {
        ServeFixture.Running server = ServeFixture.shared();
        HttpResponse<String> r = get(server.url("/privkg/check?policy=game"), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode root = new ObjectMapper().readTree(r.body());
        assertEquals(1, root.path("policies").size());
        JsonNode verdicts = root.path("policies").get(0).path("checks");
        assertEquals(root.path("checks").size(), verdicts.size(), "one verdict per check");
        for (JsonNode v : verdicts) {
            boolean failed = v.path("verdict").asText().equals("fail");
            assertEquals(failed, v.path("findings").size() > 0, v.toString());
            for (JsonNode f : v.path("findings")) assertTrue(!f.path("clause").asText().isEmpty(), "evidence: " + f);
        }
        assertTrue(root.path("checks").get(0).path("source").asText().length() > 0);
    }

    @Test
    void answersCsvAndRefusesAnUnknownPolicy() {
        ServeFixture.Running server = ServeFixture.shared();
        HttpResponse<String> csv = get(server.url("/privkg/check?format=csv"), null);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("policyId,check,verdict,source"), csv.body());
        assertEquals(404, get(server.url("/privkg/check?policy=nope"), "application/json").statusCode());
    }
}
