package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.PREFIXES;
import static org.privkg.server.ServeFixture.contentType;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/** The SPARQL protocol over real HTTP: every result format, GET and POST, Graph Store reads, CORS, bundled queries. */
class ServeQueryTest {
    static final String POLICY_IDS = PREFIXES + "SELECT ?id WHERE { ?p a pk:Policy ; pk:policyId ?id } ORDER BY ?id";
    static final ObjectMapper JSON = new ObjectMapper();

    private static String sparql(String query) {
        return ServeFixture.shared().url("/privkg/sparql?query=" + enc(query));
    }

    /** The union of the policy graphs is the default graph: no GRAPH clause is needed to see every policy. */
    @Test
    void selectAsJsonSeesTheUnionOfAllGraphs() throws Exception {
        HttpResponse<String> r = get(sparql(POLICY_IDS), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/sparql-results+json"), contentType(r));
        JsonNode bindings = JSON.readTree(r.body()).path("results").path("bindings");
        Set<String> ids = new TreeSet<>();
        bindings.forEach(b -> ids.add(b.path("id").path("value").asText()));
        assertEquals(Set.of("finance", "game", "health"), ids);
    }

    @Test
    void selectAsXml() {
        HttpResponse<String> r = get(sparql(POLICY_IDS), "application/sparql-results+xml");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("application/sparql-results+xml"), contentType(r));
        assertTrue(r.body().contains("<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"), r.body());
        assertTrue(r.body().contains("<literal>game</literal>"), r.body());
    }

    @Test
    void selectAsCsv() {
        HttpResponse<String> r = get(sparql(POLICY_IDS), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/csv"), contentType(r));
        assertEquals(List.of("id", "finance", "game", "health"), r.body().lines().toList());
    }

    @Test
    void selectAsTsv() {
        HttpResponse<String> r = get(sparql(POLICY_IDS), "text/tab-separated-values");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/tab-separated-values"), contentType(r));
        assertEquals(List.of("?id", "\"finance\"", "\"game\"", "\"health\""), r.body().lines().toList());
    }

    @Test
    void postAsFormAndAsSparqlQueryOnBothEndpoints() throws Exception {
        for (String endpoint : List.of("/privkg/sparql", "/privkg/query")) {
            HttpResponse<String> form = send(request(ServeFixture.shared().url(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + enc(POLICY_IDS))).build());
            assertEquals(200, form.statusCode(), endpoint + ": " + form.body());
            assertEquals(3, JSON.readTree(form.body()).path("results").path("bindings").size());

            HttpResponse<String> direct = send(request(ServeFixture.shared().url(endpoint))
                    .header("Content-Type", "application/sparql-query")
                    .header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(POLICY_IDS)).build());
            assertEquals(200, direct.statusCode(), endpoint + ": " + direct.body());
            assertEquals(List.of("id", "finance", "game", "health"), direct.body().lines().toList());
        }
    }

    @Test
    void askAsJson() throws Exception {
        HttpResponse<String> r = get(sparql(PREFIXES + "ASK { ?p pk:policyId \"game\" }"), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).path("boolean").asBoolean());
    }

    @Test
    void constructAsTurtleAndJsonLd() {
        String construct = PREFIXES + "CONSTRUCT { ?p a pk:Policy ; pk:policyId ?id } WHERE { ?p a pk:Policy ; pk:policyId ?id }";
        HttpResponse<String> ttl = get(sparql(construct), "text/turtle");
        assertEquals(200, ttl.statusCode(), ttl.body());
        assertTrue(contentType(ttl).startsWith("text/turtle"), contentType(ttl));
        Graph g = parse(ttl.body(), Lang.TURTLE);
        assertEquals(6, g.size(), ttl.body());

        HttpResponse<String> jsonld = get(sparql(construct), "application/ld+json");
        assertEquals(200, jsonld.statusCode(), jsonld.body());
        assertTrue(contentType(jsonld).startsWith("application/ld+json"), contentType(jsonld));
        assertEquals(6, parse(jsonld.body(), Lang.JSONLD).size(), jsonld.body());
    }

    @Test
    void describeAsTurtle() {
        HttpResponse<String> r = get(sparql("DESCRIBE <" + ServeFixture.BASE + "policy/game>"), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = parse(r.body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(ServeFixture.BASE + "policy/game"), NodeFactory.createURI(ServeFixture.PK + "policyId"),
                NodeFactory.createLiteralString("game")), r.body());
    }

    @Test
    void aBadQueryIsA400WithTheParseError() {
        HttpResponse<String> r = get(sparql("SELECT ?x WHERE { ?x"), "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().toLowerCase().contains("parse"), r.body());
    }

    @Test
    void graphStoreReadsOneGraphAndTheUnion() {
        Running s = ServeFixture.shared();
        HttpResponse<String> one = get(s.url("/privkg/get?graph=" + enc(ServeFixture.BASE + "policy/game")), "text/turtle");
        assertEquals(200, one.statusCode(), one.body());
        Graph game = parse(one.body(), Lang.TURTLE);
        assertTrue(game.contains(NodeFactory.createURI(ServeFixture.BASE + "policy/game"), NodeFactory.createURI(ServeFixture.PK + "policyId"),
                NodeFactory.createLiteralString("game")));
        assertFalse(one.body().contains("policy/finance"), "one graph only");

        HttpResponse<String> union = get(s.url("/privkg/get?default"), "application/n-triples");
        assertEquals(200, union.statusCode(), union.body());
        Graph all = parse(union.body(), Lang.NTRIPLES);
        assertTrue(all.size() > game.size());
        assertTrue(union.body().contains("<" + ServeFixture.BASE + "policy/finance>"));

        HttpResponse<String> missing = get(s.url("/privkg/get?graph=" + enc("urn:no-such-graph")), "text/turtle");
        assertEquals(404, missing.statusCode());
    }

    @Test
    void readOnlyGraphStoreRefusesWrites() {
        HttpResponse<String> r = send(request(ServeFixture.shared().url("/privkg/get?graph=" + enc("urn:x")))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build());
        assertTrue(r.statusCode() == 405 || r.statusCode() == 404 || r.statusCode() == 403, r.statusCode() + " " + r.body());
    }

    @Test
    void corsPreflightAndHeaders() {
        Running s = ServeFixture.shared();
        HttpResponse<String> pre = send(request(s.url("/privkg/sparql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://yasgui.example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, accept")
                .header("Access-Control-Request-Private-Network", "true")
                .build());
        assertTrue(pre.statusCode() == 200 || pre.statusCode() == 204, "preflight: " + pre.statusCode());
        assertEquals("*", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));
        assertTrue(pre.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), "no ambient credentials");
        assertEquals("true", pre.headers().firstValue("Access-Control-Allow-Private-Network").orElse(""), "a web page may query localhost");

        HttpResponse<String> actual = send(request(sparql(POLICY_IDS)).header("Origin", "https://yasgui.example.org")
                .header("Accept", "application/sparql-results+json").GET().build());
        assertEquals(200, actual.statusCode());
        assertEquals("*", actual.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        HttpResponse<String> ld = send(request(s.url("/id/policy/game")).header("Origin", "https://yasgui.example.org").GET().build());
        assertEquals("*", ld.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "linked data too");
        String vary = String.join(", ", ld.headers().allValues("Vary"));
        assertTrue(vary.contains("Origin") && vary.contains("Accept"), "caches must key on both: " + vary);
    }

    /** privkg's label search works on the plain SPARQL endpoint too, as compare-policies uses it. */
    @Test
    void dataItemLabelSearchOnTheEndpointAndInCompare() throws Exception {
        Running s = ServeFixture.shared();
        String search = PREFIXES + "PREFIX pkf: <https://w3id.org/privkg/function#>\n"
                + "SELECT ?label WHERE { ?d pkf:dataItemLabelContains \"手机\" ; rdfs:label ?label }";
        HttpResponse<String> r = get(sparql(search), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("手机号码"), r.body());
        assertTrue(r.body().lines().skip(1).allMatch(l -> l.contains("手机")), r.body());

        HttpResponse<String> compare = get(s.url("/privkg/queries/compare-policies?data=" + enc("手机号码")), "text/csv");
        assertEquals(200, compare.statusCode(), compare.body());
        assertTrue(compare.body().lines().anyMatch(l -> l.startsWith("手机号码,")), compare.body());
    }

    @Test
    void bundledQueryWithABoundParameter() throws Exception {
        Running s = ServeFixture.shared();
        HttpResponse<String> csv = get(s.url("/privkg/queries/who-collects-what?policy=game"), "text/csv");
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.get(0).startsWith("policyId,"), lines.get(0));
        assertTrue(lines.size() > 2, csv.body());
        assertTrue(lines.subList(1, lines.size()).stream().allMatch(l -> l.startsWith("game,")), csv.body());

        HttpResponse<String> json = get(s.url("/privkg/queries/who-collects-what?policy=finance"), null);
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(contentType(json).startsWith("application/sparql-results+json"), contentType(json));
        JsonNode rows = JSON.readTree(json.body()).path("results").path("bindings");
        assertTrue(rows.size() > 0);
        rows.forEach(row -> assertEquals("finance", row.path("policyId").path("value").asText()));

        // a value is bound, never pasted: quote marks and braces are just text that matches nothing
        HttpResponse<String> odd = get(s.url("/privkg/queries/who-collects-what?policy=" + enc("\" } ?x ?y ?z { \"")), "text/csv");
        assertEquals(200, odd.statusCode(), odd.body());
        assertEquals(1, odd.body().lines().count(), odd.body());

        HttpResponse<String> xml = get(s.url("/privkg/queries/policies?format=xml"), null);
        assertTrue(contentType(xml).startsWith("application/sparql-results+xml"), contentType(xml));
    }

    /** docs/server.md's {@code third-party-flows?policy=game&party=SDK}: the game's SDKs collect data themselves. */
    @Test
    void thirdPartyFlowsListsSdksThatCollect() throws Exception {
        HttpResponse<String> r = get(ServeFixture.shared().url("/privkg/queries/third-party-flows?policy=game&party=SDK"), null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = JSON.readTree(r.body()).path("results").path("bindings");
        assertTrue(rows.size() > 0, r.body());
        rows.forEach(row -> assertTrue(row.path("partyName").path("value").asText().contains("SDK"), r.body()));
        boolean collector = false;
        for (JsonNode row : rows) {
            collector |= row.path("direction").path("value").asText().equals("collector")
                    && row.path("partyName").path("value").asText().equals("聚量广告SDK")
                    && row.path("action").path("value").asText().equals("collect");
        }
        assertTrue(collector, r.body());
    }

    @Test
    void bundledQueryErrorsSayWhatIsWrong() throws Exception {
        Running s = ServeFixture.shared();
        HttpResponse<String> unknownParam = get(s.url("/privkg/queries/who-collects-what?colour=red"), null);
        assertEquals(400, unknownParam.statusCode());
        assertTrue(unknownParam.body().contains("colour") && unknownParam.body().contains("policy"), unknownParam.body());

        HttpResponse<String> unknown = get(s.url("/privkg/queries/no-such-query"), null);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("who-collects-what"), unknown.body());

        HttpResponse<String> list = get(s.url("/privkg/queries"), "application/json");
        assertEquals(200, list.statusCode());
        JsonNode queries = JSON.readTree(list.body()).path("queries");
        boolean found = false;
        for (JsonNode q : queries) {
            if (q.path("name").asText().equals("who-collects-what")) {
                found = true;
                assertEquals("policy", q.path("parameters").get(0).path("name").asText());
            }
        }
        assertTrue(found, list.body());
    }

    @Test
    void homePageListsTheEndpoints() {
        HttpResponse<String> text = get(ServeFixture.shared().url("/"), null);
        assertEquals(200, text.statusCode());
        assertTrue(text.body().contains("/privkg/sparql"), text.body());
        HttpResponse<String> html = get(ServeFixture.shared().url("/"), "text/html");
        assertTrue(contentType(html).startsWith("text/html"));
        assertTrue(html.body().contains("/id/policy/game"), html.body());
    }

    static Graph parse(String text, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(text).lang(lang).base("http://example.invalid/").parse(g);
        return g;
    }
}
