package org.privkg.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.privkg.vocab.PK;

/**
 * The DPV concept pairs of a policy's practices, worked out once when its graph is written so that the
 * dashboard's data concept x purpose concept heatmap is one index scan rather than a join over every practice
 * of every graph: a practice that is not negated, with a data item of DPV concept D and a purpose of DPV
 * concept P in its own graph, gets {@code pk:conceptPair} to the shared node of (D, P), which the graph
 * describes ({@code pk:pairDataConcept D ; pk:pairPurposeConcept P}). Everything goes into the policy's own
 * graph, so reloading, replacing or deleting it keeps the pairs exact with nothing else to update.
 * <p>
 * The pairs are read off the quads as written ({@link #seen}), not worked out again from labels, so they are
 * exactly what a join over the stored graph gives (a data item's concept is the one this graph states).
 */
final class ConceptPairs {
    /** What is made of each written quad, by the quad's predicate. */
    private final Map<Node, List<Node>> concepts = new HashMap<>();
    private final Map<Node, List<Node>> dataOf = new LinkedHashMap<>();
    private final Map<Node, List<Node>> purposesOf = new HashMap<>();
    private final Set<Node> notNegated = new HashSet<>();
    private final String pairBase;

    ConceptPairs(Iris iris) {
        this.pairBase = iris.base() + "concept-pair/";
    }

    /** Notes a quad of the policy's graph as it is written. */
    void seen(Node s, Node p, Node o) {
        if (p.equals(PK.dpvConcept)) {
            concepts.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        } else if (p.equals(PK.data)) {
            dataOf.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        } else if (p.equals(PK.purpose)) {
            purposesOf.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        } else if (p.equals(PK.negated) && o.isLiteral() && "false".equals(o.getLiteralLexicalForm())) {
            notNegated.add(s);
        }
    }

    /** A sink for (subject, predicate, object). */
    interface Out {
        void triple(Node s, Node p, Node o);
    }

    /** Sends the derived triples of everything {@link #seen} so far, once the policy's quads are all written. */
    void derive(Out out) {
        Set<Node> describedPairs = new HashSet<>();
        for (Map.Entry<Node, List<Node>> practice : dataOf.entrySet()) {
            Node x = practice.getKey();
            if (!notNegated.contains(x)) continue;
            Set<Node> pairs = new LinkedHashSet<>();
            for (Node d : practice.getValue()) {
                for (Node dataConcept : concepts.getOrDefault(d, List.of())) {
                    for (Node u : purposesOf.getOrDefault(x, List.of())) {
                        for (Node purposeConcept : concepts.getOrDefault(u, List.of())) {
                            Node pair = pair(dataConcept, purposeConcept);
                            if (pairs.add(pair) && describedPairs.add(pair)) {
                                out.triple(pair, RDF.type.asNode(), PK.ConceptPair);
                                out.triple(pair, PK.pairDataConcept, dataConcept);
                                out.triple(pair, PK.pairPurposeConcept, purposeConcept);
                            }
                        }
                    }
                }
            }
            for (Node pair : pairs) out.triple(x, PK.conceptPair, pair);
        }
    }

    /** The shared node of a pair: a function of the two concepts' IRIs, each one encoded path segment. */
    private Node pair(Node dataConcept, Node purposeConcept) {
        return NodeFactory.createURI(pairBase + Iris.encode(dataConcept.getURI()) + "/" + Iris.encode(purposeConcept.getURI()));
    }
}
