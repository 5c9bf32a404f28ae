package org.privkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

/** A sorted graph lists its triples in canonical order, each once, whatever order they were handed over in. */
class SortedGraphTest {
    private static final Node P = NodeFactory.createURI("https://w3id.org/privkg/ontology#label");

    private static Triple t(String subject, String label) {
        return Triple.create(NodeFactory.createURI("https://w3id.org/privkg/id/" + subject), P, NodeFactory.createLiteralLang(label, "zh"));
    }

    private static final List<Triple> IN_ORDER = List.of(t("clause/2", "乙"), t("clause/10", "乙"), t("clause/10", "甲"), t("practice/1", "丙"));

    @Test
    void aListAlreadyInOrderIsKeptAsItIs() {
        assertEquals(IN_ORDER, new SortedGraph(new ArrayList<>(IN_ORDER), null).triples());
    }

    @Test
    void aListOutOfOrderIsSorted() {
        List<Triple> swapped = new ArrayList<>(IN_ORDER);
        swapped.add(0, swapped.remove(3));
        assertEquals(IN_ORDER, new SortedGraph(swapped, null).triples());
    }

    @Test
    void aSortedListWithADuplicateKeepsItOnce() {
        List<Triple> doubled = new ArrayList<>(IN_ORDER);
        doubled.add(2, IN_ORDER.get(1));
        assertEquals(IN_ORDER, new SortedGraph(doubled, null).triples());
    }

    @Test
    void aSetIsSorted() {
        assertEquals(IN_ORDER, new SortedGraph(Set.copyOf(IN_ORDER), null).triples());
    }
}
