package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.BASE;
import static org.privkg.server.ServeFixture.PASSWORD;
import static org.privkg.server.ServeFixture.PREFIXES;
import static org.privkg.server.ServeFixture.basic;
import static org.privkg.server.ServeFixture.contentType;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/** A server started with updates enabled: what needs credentials, what they allow, and policy upload. */
class ServeUpdateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String POLICY = """
            示例出行隐私政策

            一、我们如何收集信息
            为{提供叫车服务}，我们会[收集]您的<手机号码>和<通信/通话记录>，并与(合作商户)[共享]<订单信息>。
            """;
    static final String BROKEN = """
            示例出行隐私政策

            为{提供叫车服务，我们会[收集]您的<手机号码>。
            """;

    static Running server;

    @BeforeAll
    static void start() {
        server = ServeFixture.start(List.of("game"), true, Duration.ofSeconds(30));
    }

    private static HttpResponse<String> update(String update, String authorization) {
        HttpRequest.Builder b = request(server.url("/privkg/update"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + enc(update)));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b.build());
    }

    private static boolean ask(String query) throws Exception {
        HttpResponse<String> r = get(server.url("/privkg/sparql?query=" + enc(query)), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("boolean").asBoolean();
    }

    private static HttpResponse<String> put(String id, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder b = request(server.url("/privkg/policies/" + enc(id)))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b.build());
    }

    @Test
    void updateWithoutCredentialsIs401() throws Exception {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <urn:test:a> { <urn:s> <urn:p> \"x\" } }", null);
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="), r.headers().map().toString());
        assertTrue(r.body().contains("admin"), r.body());
        assertFalse(ask("ASK { GRAPH <urn:test:a> { ?s ?p ?o } }"), "nothing was written");

        HttpResponse<String> wrong = update("INSERT DATA { GRAPH <urn:test:a> { <urn:s> <urn:p> \"x\" } }", basic("admin", "guess"));
        assertEquals(401, wrong.statusCode(), wrong.body());
        HttpResponse<String> otherUser = update("INSERT DATA { GRAPH <urn:test:a> { <urn:s> <urn:p> \"x\" } }", basic("root", PASSWORD));
        assertEquals(401, otherUser.statusCode(), otherUser.body());
        assertFalse(ask("ASK { GRAPH <urn:test:a> { ?s ?p ?o } }"), "nothing was written");
    }

    @Test
    void updateWithCredentialsIsAccepted() throws Exception {
        HttpResponse<String> r = update("INSERT DATA { GRAPH <urn:test:b> { <urn:s> <urn:p> \"x\" } }", basic("admin", PASSWORD));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.statusCode() + " " + r.body());
        assertTrue(ask("ASK { <urn:s> <urn:p> \"x\" }"), "the new triple is in the union default graph");
        HttpResponse<String> drop = update("DROP GRAPH <urn:test:b>", basic("admin", PASSWORD));
        assertTrue(drop.statusCode() == 200 || drop.statusCode() == 204, drop.body());
        assertFalse(ask("ASK { <urn:s> <urn:p> \"x\" }"));
    }

    @Test
    void graphStoreWritesNeedCredentials() throws Exception {
        String url = server.url("/privkg/data?graph=" + enc("urn:test:gsp"));
        HttpRequest.Builder b = request(url).header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:gs> <urn:gp> \"y\" ."));
        assertEquals(401, send(b.build()).statusCode());
        assertFalse(ask("ASK { <urn:gs> <urn:gp> \"y\" }"));
        HttpResponse<String> ok = send(b.header("Authorization", basic("admin", PASSWORD)).build());
        assertTrue(ok.statusCode() == 200 || ok.statusCode() == 201 || ok.statusCode() == 204, ok.statusCode() + " " + ok.body());
        assertTrue(ask("ASK { <urn:gs> <urn:gp> \"y\" }"));
        // the write endpoint is the admin's for reading too (as in Fuseki); reading stays open on /privkg/get
        assertEquals(401, get(url, "text/turtle").statusCode());
        assertEquals(200, get(server.url("/privkg/get?graph=" + enc("urn:test:gsp")), "text/turtle").statusCode());
        HttpResponse<String> del = send(request(url).header("Authorization", basic("admin", PASSWORD)).DELETE().build());
        assertTrue(del.statusCode() == 200 || del.statusCode() == 204, del.body());
    }

    @Test
    void crossSiteFormPostsCannotWrite() throws Exception {
        HttpResponse<String> r = send(request(server.url("/privkg/update"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .header("Authorization", basic("admin", PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString("update=" + enc("INSERT DATA { <urn:csrf> <urn:p> 1 }"))).build());
        assertEquals(403, r.statusCode(), r.body());
        assertFalse(ask("ASK { <urn:csrf> ?p ?o }"));
    }

    @Test
    void putPolicyExtractsItAndReplacesItsGraph() throws Exception {
        byte[] body = POLICY.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> none = put("trip", body, "text/plain; charset=utf-8", null);
        assertEquals(401, none.statusCode(), none.body());
        assertFalse(ask(PREFIXES + "ASK { ?p pk:policyId \"trip\" }"), "nothing stored without credentials");

        HttpResponse<String> created = put("trip", body, "text/plain; charset=utf-8", basic("admin", PASSWORD));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("/id/policy/trip", created.headers().firstValue("Location").orElse(""));
        assertTrue(created.body().contains("stored policy 'trip'"), created.body());
        assertTrue(ask(PREFIXES + "ASK { ?x pk:inPolicy ?p ; pk:data ?d . ?p pk:policyId \"trip\" . ?d rdfs:label \"手机号码\"@zh }"),
                "the practices are queryable at once");

        HttpResponse<String> ld = get(server.url("/id/policy/trip"), "text/turtle");
        assertEquals(200, ld.statusCode(), ld.body());

        // a label with '/' keeps it as %2F inside one path segment, and dereferences
        HttpResponse<String> slash = get(server.url("/id/data/%E9%80%9A%E4%BF%A1%2F%E9%80%9A%E8%AF%9D%E8%AE%B0%E5%BD%95"), "text/turtle");
        assertEquals(200, slash.statusCode(), slash.body());
        Graph g = ServeQueryTest.parse(slash.body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(BASE + "data/通信%2F通话记录"), RDFS.label.asNode(),
                NodeFactory.createLiteralLang("通信/通话记录", "zh")), slash.body());

        String changed = POLICY.replace("<手机号码>", "<电子邮箱>");
        HttpResponse<String> replaced = put("trip", changed.getBytes(StandardCharsets.UTF_8), "text/plain", basic("admin", PASSWORD));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("replaced"), replaced.body());
        assertTrue(ask(PREFIXES + "ASK { ?x pk:inPolicy ?p ; pk:data ?d . ?p pk:policyId \"trip\" . ?d rdfs:label \"电子邮箱\"@zh }"));
        assertFalse(ask(PREFIXES + "ASK { ?x pk:inPolicy ?p ; pk:data ?d . ?p pk:policyId \"trip\" . ?d rdfs:label \"手机号码\"@zh }"),
                "the old version is gone");

        HttpResponse<String> del = send(request(server.url("/privkg/policies/trip")).header("Authorization", basic("admin", PASSWORD)).DELETE().build());
        assertEquals(200, del.statusCode(), del.body());
        assertEquals(404, get(server.url("/id/policy/trip"), "text/turtle").statusCode());
    }

    @Test
    void aBrokenPolicyIs400WithDiagnosticsAndChangesNothing() throws Exception {
        HttpResponse<String> first = put("broken-one", POLICY.getBytes(StandardCharsets.UTF_8), "text/plain", basic("admin", PASSWORD));
        assertEquals(201, first.statusCode(), first.body());
        String count = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BASE + "policy/broken-one> { ?s ?p ?o } }";
        String before = get(server.url("/privkg/sparql?query=" + enc(count)), "text/csv").body();

        HttpResponse<String> r = put("broken-one", BROKEN.getBytes(StandardCharsets.UTF_8), "text/plain", basic("admin", PASSWORD));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
        assertTrue(r.body().contains("broken-one:3:"), "diagnostics carry line and column like load's: " + r.body());
        assertTrue(r.body().contains("error: unclosed mark"), r.body());
        assertTrue(r.body().contains("nothing of it was stored"), r.body());
        assertEquals(before, get(server.url("/privkg/sparql?query=" + enc(count)), "text/csv").body(), "the stored version is untouched");
        assertTrue(ask(PREFIXES + "ASK { ?x pk:inPolicy ?p ; pk:data ?d . ?p pk:policyId \"broken-one\" . ?d rdfs:label \"手机号码\"@zh }"));

        HttpResponse<String> json = send(request(server.url("/privkg/policies/never-stored")).header("Content-Type", "text/plain")
                .header("Accept", "application/json").header("Authorization", basic("admin", PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(BROKEN)).build());
        assertEquals(400, json.statusCode(), json.body());
        JsonNode report = JSON.readTree(json.body());
        assertFalse(report.path("stored").asBoolean());
        assertEquals(3, report.path("diagnostics").get(0).path("line").asInt(), json.body());
        assertEquals(404, get(server.url("/id/policy/never-stored"), "text/turtle").statusCode());

        HttpResponse<String> lenient = put("lenient-one", BROKEN.getBytes(StandardCharsets.UTF_8), "text/plain", basic("admin", PASSWORD));
        assertEquals(400, lenient.statusCode());
        HttpResponse<String> kept = send(request(server.url("/privkg/policies/lenient-one?lenient=true")).header("Content-Type", "text/plain")
                .header("Authorization", basic("admin", PASSWORD)).PUT(HttpRequest.BodyPublishers.ofString(BROKEN)).build());
        assertEquals(201, kept.statusCode(), kept.body());
        assertTrue(kept.body().contains("warning"), kept.body());
    }

    @Test
    void putTakesTheCharsetOfTheBody() throws Exception {
        byte[] gb = POLICY.getBytes(Charset.forName("GB18030"));
        HttpResponse<String> undeclared = put("gb", gb, "text/plain", basic("admin", PASSWORD));
        assertEquals(400, undeclared.statusCode(), undeclared.body());
        assertTrue(undeclared.body().contains("GB18030"), "says which encoding it looks like: " + undeclared.body());

        HttpResponse<String> declared = put("gb", gb, "text/plain; charset=GB18030", basic("admin", PASSWORD));
        assertEquals(201, declared.statusCode(), declared.body());
        assertTrue(ask(PREFIXES + "ASK { ?p pk:policyId \"gb\" ; pk:firstParty ?f . ?f rdfs:label \"示例出行\"@zh }"));
    }

    @Test
    void putNeedsAPolicyIdAndABody() {
        HttpResponse<String> noId = put("", POLICY.getBytes(StandardCharsets.UTF_8), "text/plain", basic("admin", PASSWORD));
        assertTrue(noId.statusCode() == 405 || noId.statusCode() == 400, noId.statusCode() + " " + noId.body());
        HttpResponse<String> empty = put("empty", new byte[0], "text/plain", basic("admin", PASSWORD));
        assertEquals(400, empty.statusCode(), empty.body());
    }
}
