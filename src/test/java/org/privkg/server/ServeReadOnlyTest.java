package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.PASSWORD;
import static org.privkg.server.ServeFixture.basic;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;
import org.privkg.store.PolicyStore;

/** A server started without updates and with a 1 s query limit; and what refuses to start. */
class ServeReadOnlyTest {

    @Test
    void updatesAreRefusedEvenWithCredentials() {
        Running s = ServeFixture.readOnly();
        for (String auth : new String[] {null, basic("admin", PASSWORD)}) {
            HttpRequest.Builder update = request(s.url("/privkg/update")).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:ro> <urn:p> 1 }"));
            HttpRequest.Builder gsp = request(s.url("/privkg/data?graph=" + enc("urn:ro"))).header("Content-Type", "text/turtle")
                    .PUT(HttpRequest.BodyPublishers.ofString("<urn:ro> <urn:p> 1 ."));
            HttpRequest.Builder policy = request(s.url("/privkg/policies/ro")).header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString(ServeUpdateTest.POLICY));
            for (HttpRequest.Builder b : List.of(update, gsp, policy)) {
                if (auth != null) b.header("Authorization", auth);
                HttpResponse<String> r = send(b.build());
                assertEquals(405, r.statusCode(), r.body());
                assertTrue(r.body().contains("read-only") && r.body().contains("--allow-update"), r.body());
            }
        }
        HttpResponse<String> ask = get(s.url("/privkg/sparql?query=" + enc("ASK { <urn:ro> ?p ?o }")), "text/csv");
        assertTrue(ask.body().contains("false"), ask.body());
        assertEquals(404, get(s.url("/id/policy/ro"), null).statusCode());
    }

    @Test
    void aHeavyQueryTimesOutWithAClearMessage() {
        Running s = ServeFixture.readOnly();
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
        long start = System.nanoTime();
        HttpResponse<String> r = get(s.url("/privkg/sparql?query=" + enc(heavy)), "application/sparql-results+json");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("timed out") && r.body().contains("1 s") && r.body().contains("--timeout"), r.body());
        assertTrue(seconds < 30, "stopped near the limit, took " + seconds + " s");
        // the server is fine afterwards
        HttpResponse<String> ok = get(s.url("/privkg/sparql?query=" + enc("ASK { ?s ?p ?o }")), "text/csv");
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void noPasswordNoUpdates() throws Exception {
        Path dir = Files.createTempDirectory("privkg-serve-test");
        try (PolicyStore store = PolicyStore.open(dir, null)) {
            ServerException e = assertThrows(ServerException.class, () -> PrivkgServer.builder(store).port(0).allowUpdate("").build());
            assertTrue(e.getMessage().contains("password"), e.getMessage());
        } finally {
            ServeFixture.deleteTree(dir);
        }
    }

    @Test
    void aPortInUseIsSaidPlainly() throws Exception {
        Path dir = Files.createTempDirectory("privkg-serve-test");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             PolicyStore store = PolicyStore.open(dir, null)) {
            PrivkgServer server = PrivkgServer.builder(store).port(taken.getLocalPort()).timeout(Duration.ofSeconds(5)).build();
            ServerException e = assertThrows(ServerException.class, server::start);
            assertTrue(e.getMessage().contains("already in use") && e.getMessage().contains("--port"), e.getMessage());
            server.close();
        } finally {
            ServeFixture.deleteTree(dir);
        }
    }
}
