package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeQueryTest.parse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.Test;
import org.privkg.metadata.MetadataGraph;
import org.privkg.metadata.PolicyMetadata;
import org.privkg.server.ServeFixture.Running;

/** What 'load --meta' stores about a policy shows in the VoID description and in the header of the policy's page. */
class ServeMetadataTest {
    @Test
    void voidAndThePolicyPageShowThePolicysMetadata() {
        Running s = ServeFixture.start(List.of("game", "finance"), false, Duration.ofSeconds(30));
        HttpResponse<String> before = get(s.url("/id/policy/game"), ServeLinkedDataTest.BROWSER);
        assertFalse(before.body().contains("class=\"about\""), "no header line without metadata");

        MetadataGraph.replace(s.store().dataset(), s.store().iris(), List.of(new PolicyMetadata("game", 2, 1,
                "星河远征 <Star>", "游戏", LocalDate.of(2023, 5, 1), "https://game.example/privacy?a=1&b=2", Map.of("rating", "12+"))));

        HttpResponse<String> r = get(s.url("/.well-known/void"), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Graph g = parse(r.body(), Lang.TURTLE);
        Node subset = NodeFactory.createURI(s.url("/.well-known/void#policy-game"));
        assertTrue(g.contains(subset, DCTerms.subject.asNode(), NodeFactory.createLiteralString("游戏")), r.body());
        assertTrue(g.contains(subset, DCTerms.issued.asNode(), NodeFactory.createLiteralDT("2023-05-01", XSDDatatype.XSDdate)), r.body());
        assertTrue(g.contains(subset, MetadataGraph.LANDING_PAGE, NodeFactory.createURI("https://game.example/privacy?a=1&b=2")), r.body());
        Node finance = NodeFactory.createURI(s.url("/.well-known/void#policy-finance"));
        assertFalse(g.contains(finance, DCTerms.subject.asNode(), Node.ANY), "a policy without metadata has none");

        String page = get(s.url("/id/policy/game"), ServeLinkedDataTest.BROWSER).body();
        assertTrue(page.contains("<p class=\"about\"><b>星河远征 &lt;Star&gt;</b> · 行业 sector: 游戏 · 版本 version of 2023-05-01 · "
                + "<a href=\"https://game.example/privacy?a=1&amp;b=2\">source</a></p>"), page);
    }
}
