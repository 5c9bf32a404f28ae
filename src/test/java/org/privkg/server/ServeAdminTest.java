package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/** Fuseki's read-only admin endpoints answer as Fuseki's do; nothing there changes the server. */
class ServeAdminTest {
    @Test
    void pingStatsAndMetricsAnswer() {
        Running s = ServeFixture.readOnly();
        assertEquals(200, get(s.url("/$/ping"), null).statusCode());
        HttpResponse<String> stats = get(s.url("/$/stats"), "application/json");
        assertEquals(200, stats.statusCode(), stats.body());
        assertTrue(JSON.parse(stats.body()).getObj("datasets").hasKey("/privkg"), stats.body());
        HttpResponse<String> metrics = get(s.url("/$/metrics"), null);
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("fuseki_requests"), metrics.body());
    }

    @Test
    void datasetsDescribesTheOneDatasetAndItsEndpoints() {
        Running s = ServeFixture.readOnly();
        HttpResponse<String> all = get(s.url("/$/datasets"), "application/json");
        assertEquals(200, all.statusCode(), all.body());
        JsonArray datasets = JSON.parse(all.body()).get("datasets").getAsArray();
        assertEquals(1, datasets.size(), all.body());
        JsonObject privkg = datasets.get(0).getAsObject();
        assertEquals("/privkg", privkg.getString("ds.name"));
        assertTrue(privkg.get("ds.services").toString().contains("\"sparql\""), all.body());

        HttpResponse<String> one = get(s.url("/$/datasets/privkg"), "application/json");
        assertEquals(200, one.statusCode(), one.body());
        assertEquals("/privkg", JSON.parse(one.body()).getString("ds.name"));
        assertEquals(404, get(s.url("/$/datasets/nosuch"), "application/json").statusCode());
    }

    @Test
    void datasetsCannotBeAddedOrRemoved() {
        Running s = ServeFixture.readOnly();
        HttpResponse<String> add = send(request(s.url("/$/datasets?dbName=x&dbType=mem"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, add.statusCode(), add.body());
        HttpResponse<String> remove = send(request(s.url("/$/datasets/privkg")).DELETE().build());
        assertEquals(405, remove.statusCode(), remove.body());
        assertEquals(200, get(s.url("/$/datasets/privkg"), "application/json").statusCode(), "still there");
    }
}
