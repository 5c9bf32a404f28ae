package org.privkg.rdf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * Some graphs of a dataset, copied into memory in a canonical form: graphs in name order, triples in
 * {@link NodeOrder} order, and blank nodes relabelled b0, b1, … by their structure (what they link to and
 * what links to them), not by the random labels a store or parser gave them. The same triples therefore
 * give the same bytes in every export format, whichever store, load order or run they came from.
 */
public final class CanonicalDataset {
    private final Map<Node, SortedGraph> graphs;
    private final PrefixMapping prefixes;

    private CanonicalDataset(Map<Node, SortedGraph> graphs, PrefixMapping prefixes) {
        this.graphs = graphs;
        this.prefixes = prefixes;
    }

    /** Copies the named graphs (the default graph when a name is null) of the source. */
    public static CanonicalDataset of(DatasetGraph source, Collection<Node> graphNames, PrefixMapping prefixes) {
        Map<Node, List<Triple>> raw = new LinkedHashMap<>();
        for (Node name : graphNames) {
            Graph g = name == null ? source.getDefaultGraph() : source.getGraph(name);
            List<Triple> ts = new ArrayList<>();
            g.find().forEachRemaining(ts::add);
            raw.put(name, ts);
        }
        Map<Node, Node> relabel = canonicalBlankNodes(raw.values());
        TreeSet<Node> names = new TreeSet<>(NodeOrder.NODES);
        for (Node n : raw.keySet()) if (n != null) names.add(n);
        Map<Node, SortedGraph> graphs = new LinkedHashMap<>();
        for (Node n : names) graphs.put(n, new SortedGraph(rewrite(raw.get(n), relabel), prefixes));
        return new CanonicalDataset(graphs, prefixes);
    }

    /** One graph on its own (CONSTRUCT results, a policy's graph as Turtle). */
    public static SortedGraph of(Graph graph, PrefixMapping prefixes) {
        List<Triple> ts = new ArrayList<>();
        graph.find().forEachRemaining(ts::add);
        return new SortedGraph(rewrite(ts, canonicalBlankNodes(List.of(ts))), prefixes);
    }

    public List<Node> graphNames() {
        return List.copyOf(graphs.keySet());
    }

    public SortedGraph graph(Node name) {
        return graphs.get(name);
    }

    public PrefixMapping prefixes() {
        return prefixes;
    }

    /** All graphs merged into one (duplicates once), as Turtle needs. */
    public SortedGraph union() {
        Set<Triple> all = new HashSet<>();
        for (SortedGraph g : graphs.values()) all.addAll(g.triples());
        return new SortedGraph(all, prefixes);
    }

    /** A dataset view for writers: named graphs listed in order, the project's prefixes. */
    public DatasetGraph asDatasetGraph() {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        graphs.forEach(dsg::addGraph);
        PrefixMap pm = PrefixMapFactory.create(prefixes);
        List<Node> names = graphNames();
        return new DatasetGraphWrapper(dsg) {
            @Override
            public Iterator<Node> listGraphNodes() {
                return names.iterator();
            }

            @Override
            public PrefixMap prefixes() {
                return pm;
            }
        };
    }

    /** Graphs already in canonical form, in the order given. */
    static CanonicalDataset ofSorted(Map<Node, SortedGraph> graphs, PrefixMapping prefixes) {
        return new CanonicalDataset(new LinkedHashMap<>(graphs), prefixes);
    }

    static List<Triple> rewrite(List<Triple> ts, Map<Node, Node> relabel) {
        if (relabel.isEmpty()) return ts;
        List<Triple> out = new ArrayList<>(ts.size());
        for (Triple t : ts) {
            out.add(Triple.create(relabel.getOrDefault(t.getSubject(), t.getSubject()), t.getPredicate(),
                    relabel.getOrDefault(t.getObject(), t.getObject())));
        }
        return out;
    }

    /**
     * Labels for the blank nodes, from a structural signature: the sorted list of their outgoing edges
     * (nested blank nodes by their own signature) and incoming edges from named nodes. Nodes with equal
     * signatures are interchangeable in the output, so their order does not matter.
     */
    static Map<Node, Node> canonicalBlankNodes(Collection<List<Triple>> graphs) {
        return canonicalBlankNodes(graphs, 0);
    }

    /** As above, numbering from {@code first}, so graphs labelled one at a time do not share labels. */
    static Map<Node, Node> canonicalBlankNodes(Collection<List<Triple>> graphs, int first) {
        Map<Node, List<Triple>> out = new HashMap<>();
        Map<Node, List<Triple>> in = new HashMap<>();
        for (List<Triple> ts : graphs) {
            for (Triple t : ts) {
                if (t.getSubject().isBlank()) out.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
                if (t.getObject().isBlank()) in.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
            }
        }
        Set<Node> blanks = new HashSet<>(out.keySet());
        blanks.addAll(in.keySet());
        if (blanks.isEmpty()) return Map.of();
        Map<Node, String> signature = new HashMap<>();
        for (Node b : blanks) signature.put(b, signature(b, out, in, new HashSet<>(), 0));
        List<Node> ordered = new ArrayList<>(blanks);
        ordered.sort((a, b) -> {
            int c = signature.get(a).compareTo(signature.get(b));
            return c != 0 ? c : a.getBlankNodeLabel().compareTo(b.getBlankNodeLabel());
        });
        Map<Node, Node> relabel = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) relabel.put(ordered.get(i), NodeFactory.createBlankNode("b" + (first + i)));
        return relabel;
    }

    private static String signature(Node b, Map<Node, List<Triple>> out, Map<Node, List<Triple>> in, Set<Node> path, int depth) {
        if (depth > 8 || !path.add(b)) return "…";
        List<String> parts = new ArrayList<>();
        for (Triple t : out.getOrDefault(b, List.of())) {
            Node o = t.getObject();
            parts.add(">" + t.getPredicate() + " " + (o.isBlank() ? "[" + signature(o, out, in, path, depth + 1) + "]" : o.toString()));
        }
        if (depth == 0) {
            for (Triple t : in.getOrDefault(b, List.of())) {
                Node s = t.getSubject();
                parts.add("<" + (s.isBlank() ? "_" : s.toString()) + " " + t.getPredicate());
            }
        }
        path.remove(b);
        parts.sort(null);
        return String.join(";", parts);
    }
}
