package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.enc;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;
import org.privkg.store.PolicyStore;

/** Limits that hold over HTTP: time, size, SERVICE, shutdown, and what a request may put into a page. */
class ServeLimitsTest {
    /** Forty a's and a b under a pattern that backtracks for hours. */
    static final String RUNAWAY_REGEX = "SELECT * { BIND (CONCAT(\"" + "a".repeat(40) + "\", \"b\") AS ?s) FILTER (REGEX(?s, \"(.*a){12}$\")) }";

    private static HttpResponse<String> query(Running s, String sparql) {
        return ServeFixture.send(ServeFixture.request(s.url("/privkg/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(sparql)).build());
    }

    @Test
    void aRunawayRegexIsAnsweredAtTheLimitAndFreesItsTransaction() {
        Running s = ServeFixture.readOnly(); // 1 s limit
        HttpResponse<String> r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> query(s, RUNAWAY_REGEX));
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("timed out"), r.body());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (!s.server().idle()) Thread.sleep(20);
        }, "the query's read transaction ends");
    }

    @Test
    void aQueryLongerThanTheLimitIs413BeforeItIsParsed() {
        Running s = ServeFixture.readOnly();
        String huge = "SELECT * { VALUES ?x { " + "\"x\" ".repeat(5_000_000) + "} }"; // 20 MB
        HttpResponse<String> r = query(s, huge);
        assertEquals(413, r.statusCode(), r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        assertTrue(r.body().contains("--max-query-size"), r.body());

        // sent in chunks, with no length declared
        byte[] twoMb = ("SELECT * { VALUES ?x { " + "\"x\" ".repeat(500_000) + "} }").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = ServeFixture.send(ServeFixture.request(s.url("/privkg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMb))).build());
        assertEquals(413, chunked.statusCode());

        HttpResponse<String> form = ServeFixture.send(ServeFixture.request(s.url("/privkg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(new String(twoMb, StandardCharsets.UTF_8)))).build());
        assertEquals(413, form.statusCode());

        // compressed, a megabyte would inflate past any limit counted before Fuseki unpacks it
        RawHttp.Answer gzip = RawHttp.send(s.server().port(), "POST", "/privkg/sparql",
                Map.of("Content-Type", "application/sparql-query", "Content-Encoding", "gzip"), new byte[] {31, -117, 8, 0});
        assertEquals(415, gzip.status(), gzip.toString());

        assertEquals(200, query(s, "ASK {}").statusCode(), "an ordinary query still runs");
    }

    @Test
    void serviceFetchesNothingUnlessItsHostIsAllowed() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"head\":{\"vars\":[\"s\"]},\"results\":{\"bindings\":[]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        internal.start();
        try {
            String service = "SELECT * { SERVICE <http://127.0.0.1:" + internal.getAddress().getPort() + "/internal/admin> { ?s ?p ?o } }";
            HttpResponse<String> refused = query(ServeFixture.readOnly(), service);
            assertTrue(refused.statusCode() >= 400, refused.statusCode() + " " + refused.body());
            assertEquals(0, hits.get(), "the server fetched nothing");

            Running allowing = start(b -> b.allowService(List.of("127.0.0.1:" + internal.getAddress().getPort())));
            HttpResponse<String> allowed = query(allowing, service);
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertTrue(hits.get() > 0, "an allowed host is called");
            HttpResponse<String> other = query(allowing, service.replace("127.0.0.1:" + internal.getAddress().getPort(), "localhost:9"));
            assertTrue(other.statusCode() >= 400, "another host stays refused: " + other.body());
        } finally {
            internal.stop(0);
        }
    }

    @Test
    void shutdownDuringARunawayQueryIsPromptAndLeavesNoTransaction() throws Exception {
        Running s = start(b -> b.timeout(Duration.ZERO)); // no time limit: only shutdown stops it
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> {
            try {
                return RawHttp.send(s.server().port(), "POST", "/privkg/sparql", Map.of("Content-Type", "application/sparql-query"),
                        RUNAWAY_REGEX.getBytes(StandardCharsets.UTF_8)).status();
            } catch (RuntimeException e) {
                return -1; // the connection closed under it
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (s.server().idle()) Thread.sleep(10);
        }, "the query started");
        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> s.server().close());
        assertTrue(s.server().idle(), "no transaction left open");
        assertTrue(s.store().policyIds().contains("game"), "the store outlives the server");
        assertEquals(List.of("( ?n = 1 )"), org.apache.jena.system.Txn.calculateRead(s.store().dataset(), () -> {
            try (var qe = org.apache.jena.sparql.exec.QueryExec.dataset(s.store().dataset())
                    .query("SELECT (COUNT(*) AS ?n) { BIND (1 AS ?x) FILTER (REGEX(\"a\", \"a\")) }").build()) {
                List<String> rows = new java.util.ArrayList<>();
                qe.select().forEachRemaining(b -> rows.add(b.toString()));
                return rows;
            }
        }), "and its queries run again after the server stopped");
        Integer code = status.get();
        assertNotNull(code);
        assertTrue(code != 200, "the query did not complete: " + code);
    }

    @Test
    void theHostHeaderNeverReachesAPage() {
        Running s = ServeFixture.readOnly();
        for (String path : List.of("/", "/?format=html", "/.well-known/void")) {
            RawHttp.Answer a = RawHttp.send(s.server().port(), "GET", path, Map.of("Host", "evil.example:8080"), null);
            assertEquals(200, a.status(), path + ": " + a);
            assertFalse(a.body().contains("evil.example"), path + " echoes the Host header:\n" + a.body());
            assertTrue(a.body().contains(s.server().url()), path + " names the server by its own address");
        }
    }

    @Test
    void corsOffersOnlyWhatTheServerDoes() {
        Map<String, String> preflight = Map.of("Origin", "https://example.org", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Private-Network", "true");
        RawHttp.Answer readOnly = RawHttp.send(ServeFixture.readOnly().server().port(), "OPTIONS", "/privkg/policies/game", preflight, null);
        assertFalse(readOnly.header("Access-Control-Allow-Methods").contains("PUT"), readOnly.head());
        assertEquals(null, readOnly.header("Access-Control-Allow-Private-Network"));

        RawHttp.Answer update = RawHttp.send(ServeFixture.shared().server().port(), "OPTIONS", "/privkg/policies/game", preflight, null);
        assertTrue(update.header("Access-Control-Allow-Methods").contains("PUT"), update.head());
        assertEquals(null, update.header("Access-Control-Allow-Private-Network"), "a web page may not write to this machine");
    }

    @Test
    void wrongPasswordsInARowMakeTheClientWait() {
        Running s = start(b -> b.allowUpdate(ServeFixture.PASSWORD));
        Map<String, String> wrong = Map.of("Authorization", ServeFixture.basic("admin", "guess"), "Content-Type", "text/plain");
        byte[] body = ServeWriteProbesTest.POLICY.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < LoginBackoff.FREE_FAILURES; i++) {
            assertEquals(401, RawHttp.send(s.server().port(), "PUT", "/privkg/policies/p", wrong, body).status());
        }
        RawHttp.Answer slowed = RawHttp.send(s.server().port(), "PUT", "/privkg/policies/p",
                Map.of("Authorization", ServeFixture.basic("admin", ServeFixture.PASSWORD), "Content-Type", "text/plain"), body);
        assertEquals(429, slowed.status(), "even the right password waits: " + slowed);
        assertNotNull(slowed.header("Retry-After"));
    }

    @Test
    void putTakesTheBodyWhateverItsContentType() {
        Running s = start(b -> b.allowUpdate(ServeFixture.PASSWORD));
        RawHttp.Answer a = RawHttp.send(s.server().port(), "PUT", "/privkg/policies/form",
                Map.of("Authorization", ServeFixture.basic("admin", ServeFixture.PASSWORD), "Content-Type", "application/x-www-form-urlencoded"),
                ServeWriteProbesTest.POLICY.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, a.status(), a.toString());
        assertTrue(s.store().policyIds().contains("form"));
    }

    @Test
    void aPolicyOfAMillionBadMarksGetsABoundedAnswer() {
        Running s = start(b -> b.allowUpdate(ServeFixture.PASSWORD));
        RawHttp.Answer a = RawHttp.send(s.server().port(), "PUT", "/privkg/policies/brackets",
                Map.of("Authorization", ServeFixture.basic("admin", ServeFixture.PASSWORD), "Content-Type", "text/plain"),
                "[".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        assertEquals(400, a.status());
        long lines = a.body().lines().count();
        assertTrue(lines <= 102, lines + " lines");
        assertTrue(a.body().contains("… and ") && a.body().contains("more"), a.body().substring(0, Math.min(500, a.body().length())));
        assertFalse(s.store().policyIds().contains("brackets"));
    }

    /** A server of the test's own over the game policy, 30 s limit unless the options say otherwise. */
    private static Running start(java.util.function.Consumer<PrivkgServer.Builder> options) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("privkg-limits-test");
            PolicyStore store = ServeFixture.load(dir, List.of("game"));
            PrivkgServer.Builder b = PrivkgServer.builder(store).host("127.0.0.1").port(0).timeout(Duration.ofSeconds(30));
            options.accept(b);
            return ServeFixture.track(new Running(b.build().start(), store, dir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
