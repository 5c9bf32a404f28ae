package org.privkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** The order canonical exports are written in. */
class NodeOrderTest {
    @Test
    void numbersInIrisCompareByValue() {
        List<String> iris = new ArrayList<>(List.of("p/clause/10", "p/clause/2", "p/clause/1", "p/clause/02", "p/a"));
        iris.sort(NodeOrder::natural);
        assertEquals(List.of("p/a", "p/clause/1", "p/clause/2", "p/clause/02", "p/clause/10"), iris);
    }

    @Test
    void irisThenBlankNodesThenLiterals() {
        Node iri = NodeFactory.createURI("https://example.org/z");
        Node blank = NodeFactory.createBlankNode("b0");
        Node literal = NodeFactory.createLiteralString("a");
        assertTrue(NodeOrder.compare(iri, blank) < 0);
        assertTrue(NodeOrder.compare(blank, literal) < 0);
        assertTrue(NodeOrder.compare(NodeFactory.createLiteralLang("x", "en"), NodeFactory.createLiteralLang("x", "zh")) < 0);
        assertEquals(0, NodeOrder.compare(NodeFactory.createURI("https://example.org/z"), iri));
    }
}
