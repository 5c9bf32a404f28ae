package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.BASE;
import static org.privkg.server.ServeFixture.PK;
import static org.privkg.server.ServeFixture.contentType;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeQueryTest.parse;

import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/** Dereferencing instance IRIs, the ontology and the VoID description, in every syntax a client may ask for. */
class ServeLinkedDataTest {
    static final Node GAME = NodeFactory.createURI(BASE + "policy/game");
    static final Node POLICY_ID = NodeFactory.createURI(PK + "policyId");
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private static String url(String path) {
        return ServeFixture.shared().url(path);
    }

    @Test
    void policyIsTurtleByDefault() {
        for (String accept : new String[] {null, "*/*"}) {
            HttpResponse<String> r = get(url("/id/policy/game"), accept);
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
            Graph g = parse(r.body(), Lang.TURTLE);
            assertTrue(g.contains(GAME, POLICY_ID, NodeFactory.createLiteralString("game")), r.body());
            assertTrue(g.contains(GAME, RDF.type.asNode(), NodeFactory.createURI(PK + "Policy")));
        }
    }

    @Test
    void eachRdfSyntaxByAccept() {
        record Case(String accept, Lang lang) {
        }
        for (Case c : List.of(new Case("text/turtle", Lang.TURTLE), new Case("application/ld+json", Lang.JSONLD),
                new Case("application/n-triples", Lang.NTRIPLES), new Case("application/rdf+xml", Lang.RDFXML))) {
            HttpResponse<String> r = get(url("/id/policy/game"), c.accept());
            assertEquals(200, r.statusCode(), c.accept() + ": " + r.body());
            assertTrue(contentType(r).startsWith(c.accept()), c.accept() + " answered as " + contentType(r));
            Graph g = parse(r.body(), c.lang());
            assertTrue(g.contains(GAME, POLICY_ID, NodeFactory.createLiteralString("game")), c.accept() + ": " + r.body());
            assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept")), "Vary: Accept");
        }
        // and by ?format= for a client that cannot set Accept
        HttpResponse<String> nt = get(url("/id/policy/game?format=nt"), BROWSER);
        assertTrue(contentType(nt).startsWith("application/n-triples"), contentType(nt));
    }

    @Test
    void aBrowserGetsAReadablePage() {
        // a policy's own page is its data flows (ExplorerPagesTest); its statements are one link away
        HttpResponse<String> r = get(url("/id/policy/game?view=triples"), BROWSER);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/html"), contentType(r));
        String html = r.body();
        assertTrue(html.regionMatches(true, 0, "<!DOCTYPE html>", 0, 15), html);
        assertTrue(html.contains("星河远征"), "the first party's label is shown");
        assertTrue(html.contains("href=\"/id/policy/game/first-party\""), "links stay on this server");
        assertTrue(html.contains("Referenced by"), "what points at the policy is listed");
        assertTrue(html.contains("/id/policy/game/practice/"), html);
        assertFalse(html.contains("<script"), html);
    }

    @Test
    void aPolicyPageShowsWhatTheBundledChecksFindInThatPolicy() {
        ServeFixture.Running running = ServeFixture.shared();
        java.util.List<org.privkg.check.Finding> found = org.privkg.check.CheckRunner.run(running.store().dataset(),
                org.privkg.check.Check.bundled(), java.util.List.of("game"), "game").findings();
        assertFalse(found.isEmpty(), "the sample game policy fails some check (e.g. a vague purpose), so the section shows");
        String html = get(url("/id/policy/game"), BROWSER).body();
        assertEquals(!found.isEmpty(), html.contains("<h2>Checks</h2>"), html);
        String checks = org.jsoup.Jsoup.parse(html).select("table.checks").text();
        for (org.privkg.check.Check c : org.privkg.check.Check.bundled()) {
            boolean fails = found.stream().anyMatch(f -> f.check().equals(c.name()));
            assertEquals(fails, checks.contains(c.title()), c.name());
        }
    }

    @Test
    void aDescriptionCarriesTheLabelsOfWhatItPointsTo() {
        HttpResponse<String> r = get(url("/id/policy/game/practice/1"), "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = parse(r.body(), Lang.NTRIPLES);
        Node practice = NodeFactory.createURI(BASE + "policy/game/practice/1");
        List<Triple> data = g.find(practice, NodeFactory.createURI(PK + "data"), Node.ANY).toList();
        assertFalse(data.isEmpty(), r.body());
        for (Triple t : data) {
            assertTrue(g.contains(t.getObject(), RDFS.label.asNode(), Node.ANY), "label of " + t.getObject());
        }
        assertTrue(g.contains(practice, NodeFactory.createURI(PK + "actor"), Node.ANY));
    }

    @Test
    void aChineseDataItemDereferencesPercentEncoded() {
        String encoded = ServeFixture.enc("身份证号码");
        HttpResponse<String> r = get(url("/id/data/" + encoded), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = parse(r.body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(BASE + "data/身份证号码"), RDFS.label.asNode(),
                NodeFactory.createLiteralLang("身份证号码", "zh")), r.body());
    }

    @Test
    void unknownIrisAre404() {
        for (String path : List.of("/id/policy/no-such-policy", "/id/data/" + ServeFixture.enc("没有这个数据"), "/id/policy/game/practice/99999")) {
            HttpResponse<String> r = get(url(path), "text/turtle");
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("no resource"), r.body());
        }
    }

    @Test
    void anUnofferedTypeIs406() {
        HttpResponse<String> r = get(url("/id/policy/game"), "image/png");
        assertEquals(406, r.statusCode());
        assertTrue(r.body().contains("text/turtle"), r.body());
    }

    @Test
    void theJsonLdContextOfTheExportsIsPublished() {
        HttpResponse<String> r = get(url("/ontology/context.jsonld"), null);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("application/ld+json"), contentType(r));
        assertTrue(r.body().contains("\"@context\"") && r.body().contains("https://w3id.org/privkg/ontology#"), r.body());
    }

    @Test
    void ontologyIsTurtleByDefault() {
        HttpResponse<String> r = get(url("/ontology"), null);
        assertEquals(200, r.statusCode());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Graph g = parse(r.body(), Lang.TURTLE);
        assertTrue(g.contains(NodeFactory.createURI(PK + "DataPractice"), RDF.type.asNode(), Node.ANY), "pk:DataPractice is defined");
        assertTrue(g.contains(NodeFactory.createURI(PK + "Collect"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader"),
                NodeFactory.createURI(PK + "Process")));

        HttpResponse<String> ld = get(url("/ontology"), "application/ld+json");
        assertTrue(contentType(ld).startsWith("application/ld+json"));
        assertEquals(g.size(), parse(ld.body(), Lang.JSONLD).size());

        HttpResponse<String> html = get(url("/ontology"), BROWSER);
        assertTrue(contentType(html).startsWith("text/html"));
        assertTrue(html.body().contains("id=\"DataPractice\""), "terms are anchors, so /ontology#Term works");
    }

    @Test
    void voidDescribesTheDataset() {
        Running s = ServeFixture.shared();
        HttpResponse<String> r = get(s.url("/.well-known/void"), null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/turtle"), contentType(r));
        Graph g = parse(r.body(), Lang.TURTLE);
        String v = "http://rdfs.org/ns/void#";
        Node ds = NodeFactory.createURI(s.url("/.well-known/void#privkg"));
        assertTrue(g.contains(ds, RDF.type.asNode(), NodeFactory.createURI(v + "Dataset")), r.body());
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "sparqlEndpoint"), NodeFactory.createURI(s.url("/privkg/sparql"))), r.body());
        Triple triples = g.find(ds, NodeFactory.createURI(v + "triples"), Node.ANY).next();
        assertTrue(Long.parseLong(triples.getObject().getLiteralLexicalForm()) > 1000, r.body());
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "vocabulary"), NodeFactory.createURI("https://w3id.org/privkg/ontology")));
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "vocabulary"), NodeFactory.createURI("https://w3id.org/dpv")));
        assertTrue(g.contains(ds, NodeFactory.createURI(v + "uriSpace"), NodeFactory.createLiteralString(BASE)));

        // the policies: a class partition with their number, and one subset per policy graph
        boolean policies = false;
        for (Triple t : g.find(ds, NodeFactory.createURI(v + "classPartition"), Node.ANY).toList()) {
            if (g.contains(t.getObject(), NodeFactory.createURI(v + "class"), NodeFactory.createURI(PK + "Policy"))) {
                Node n = g.find(t.getObject(), NodeFactory.createURI(v + "entities"), Node.ANY).next().getObject();
                assertEquals("3", n.getLiteralLexicalForm());
                policies = true;
            }
        }
        assertTrue(policies, r.body());
        assertEquals(4, g.find(ds, NodeFactory.createURI(v + "subset"), Node.ANY).toList().size(), "three policies and the ontology");

        HttpResponse<String> html = get(s.url("/.well-known/void"), BROWSER);
        assertTrue(contentType(html).startsWith("text/html"));
    }
}
