package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.PASSWORD;
import static org.privkg.server.ServeFixture.basic;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.privkg.fixture.Fixtures;

/** The dashboard's figures are kept between requests, yet after every write the page shows the new counts. */
class DashboardFiguresTest {
    private static final Pattern CARD = Pattern.compile("data-count=\"(\\w+)\"><b>(\\d+)</b>");

    private final ServeFixture.Running server = ServeFixture.start(List.of("game"), true, Duration.ofSeconds(30));

    /**
     * The first dashboard that shows figures: a page saying they are being computed is asked again, but a page
     * with figures is taken as it is, so one showing an older version's counts fails the test.
     */
    private long[] counts() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            HttpResponse<String> r = ServeFixture.get(server.url("/"), "text/html");
            assertEquals(200, r.statusCode(), r.body());
            Matcher m = CARD.matcher(r.body());
            long policies = -1, practices = -1;
            while (m.find()) {
                if (m.group(1).equals("policies")) policies = Long.parseLong(m.group(2));
                if (m.group(1).equals("practices")) practices = Long.parseLong(m.group(2));
            }
            if (policies >= 0) return new long[] {policies, practices};
            assertTrue(r.body().contains("data-figures=\"computing\""), "neither figures nor 'being computed': " + r.body());
            assertTrue(System.nanoTime() < deadline, "the figures were not computed within 90 s");
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> admin(HttpRequest.Builder b) {
        return send(b.header("Authorization", basic("admin", PASSWORD)).build());
    }

    @Test
    void dashboardShowsTheCountsOfTheDataAsItIsAfterEachWrite() throws Exception {
        long[] start = counts();
        assertEquals(1, start[0]);
        assertTrue(start[1] > 0, "game has practices");
        assertEquals(start[1], counts()[1], "asked again without a write: the same figures");

        byte[] finance = Files.readAllBytes(Fixtures.policy("finance"));
        HttpResponse<String> put = admin(request(server.url("/privkg/policies/finance")).header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(finance)));
        assertTrue(put.statusCode() / 100 == 2, put.statusCode() + " " + put.body());
        long[] afterPut = counts();
        assertEquals(2, afterPut[0]);
        assertTrue(afterPut[1] > start[1], "finance's practices are counted");

        // a write through Fuseki's own SPARQL update endpoint counts as well
        HttpResponse<String> update = admin(request(server.url("/privkg/update")).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:test:extra> { <urn:test:x> a <" + ServeFixture.PK + "DataPractice> } }")));
        assertTrue(update.statusCode() / 100 == 2, update.statusCode() + " " + update.body());
        assertEquals(afterPut[1] + 1, counts()[1]);

        HttpResponse<String> delete = admin(request(server.url("/privkg/policies/" + enc("game"))).DELETE());
        assertTrue(delete.statusCode() / 100 == 2, delete.statusCode() + " " + delete.body());
        long[] afterDelete = counts();
        assertEquals(1, afterDelete[0]);
        assertEquals(afterPut[1] + 1 - start[1], afterDelete[1], "game's practices are gone, finance's and the inserted one stay");
    }
}
