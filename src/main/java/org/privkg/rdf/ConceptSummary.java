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
 * Which DPV concepts a policy uses, worked out once when its graph is written so that the dashboard's concept
 * figures are index scans rather than joins over every node of every graph. The policy gets
 * {@code pk:usesDataConcept C} for each concept C its graph gives a data item ({@code pk:DataType}), and
 * {@code pk:usesPurposeConcept C} likewise for its purposes; a practice that is not negated, with a data item of
 * concept D and a purpose of concept P, gets {@code pk:conceptPair} to the shared node of (D, P), which the graph
 * describes ({@code pk:pairDataConcept D ; pk:pairPurposeConcept P}; no {@code rdf:type}: it would only
 * add a triple per pair and graph). Everything goes into the policy's own
 * graph, so reloading, replacing or deleting it keeps these exact with nothing else to update.
 * <p>
 * The pairs are read off the quads as written ({@link #seen}), not worked out again from labels, so they are
 * exactly what a join over the stored graph gives (a data item's concept is the one this graph states).
 */
final class ConceptSummary {
    /** What is made of each written quad, by the quad's predicate. */
    private final Map<Node, List<Node>> concepts = new LinkedHashMap<>();
    private final Map<Node, List<Node>> dataOf = new LinkedHashMap<>();
    private final Map<Node, List<Node>> purposesOf = new HashMap<>();
    private final Set<Node> notNegated = new HashSet<>();
    private final String pairBase;

    private final Set<Node> dataItems = new HashSet<>();
    private final Set<Node> purposes = new HashSet<>();
    private final Node policy;

    ConceptSummary(Iris iris, Node policy) {
        this.pairBase = iris.base() + "concept-pair/";
        this.policy = policy;
    }

    /** Notes a quad of the policy's graph as it is written. */
    void seen(Node s, Node p, Node o) {
        if (p.equals(PK.dpvConcept)) {
            concepts.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        } else if (p.equals(PK.data)) {
            dataOf.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        } else if (p.equals(PK.purpose)) {
            purposesOf.computeIfAbsent(s, k -> new ArrayList<>()).add(o);
        } else if (p.equals(RDF.type.asNode()) && o.equals(PK.DataType)) {
            dataItems.add(s);
        } else if (p.equals(RDF.type.asNode()) && o.equals(PK.Purpose)) {
            purposes.add(s);
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
        uses(dataItems, PK.usesDataConcept, out);
        uses(purposes, PK.usesPurposeConcept, out);
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

    private void uses(Set<Node> nodes, Node predicate, Out out) {
        Set<Node> used = new LinkedHashSet<>();
        for (Map.Entry<Node, List<Node>> e : concepts.entrySet()) {
            if (nodes.contains(e.getKey())) used.addAll(e.getValue());
        }
        for (Node c : used) out.triple(policy, predicate, c);
    }

    /** The shared node of a pair: a function of the two concepts' IRIs, each one encoded path segment. */
    private Node pair(Node dataConcept, Node purposeConcept) {
        return NodeFactory.createURI(pairBase + Iris.encode(dataConcept.getURI()) + "/" + Iris.encode(purposeConcept.getURI()));
    }
}
