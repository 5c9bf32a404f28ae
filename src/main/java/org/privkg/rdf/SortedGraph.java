package org.privkg.rdf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.GraphBase;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;

/**
 * A read-only in-memory graph whose {@code find} answers in {@link NodeOrder} order, so writers that
 * follow the graph's order (Jena's pretty Turtle and TriG) write the same bytes for the same triples,
 * however the source graph was loaded.
 */
public final class SortedGraph extends GraphBase {
    private final List<Triple> all;
    private final Map<Node, List<Triple>> bySubject = new HashMap<>();
    private final Map<Node, List<Triple>> byPredicate = new HashMap<>();
    private final Map<Node, List<Triple>> byObject = new HashMap<>();
    private final PrefixMapping prefixes;

    public SortedGraph(Collection<Triple> triples, PrefixMapping prefixes) {
        this.all = inOrder(triples);
        for (Triple t : all) {
            bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
            byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t);
            byObject.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
        }
        this.prefixes = prefixes;
    }

    /**
     * The triples sorted, each once. Streamed exports hand over lists already in that order: checking it
     * takes one comparison a triple, where sorting into a TreeSet took a third of a Turtle export (JFR).
     */
    private static List<Triple> inOrder(Collection<Triple> triples) {
        if (triples instanceof List<Triple> list && strictlyAscending(list)) return List.copyOf(list);
        TreeSet<Triple> sorted = new TreeSet<>(NodeOrder.TRIPLES);
        sorted.addAll(triples);
        return List.copyOf(sorted);
    }

    private static boolean strictlyAscending(List<Triple> triples) {
        Triple previous = null;
        for (Triple t : triples) {
            if (previous != null && NodeOrder.TRIPLES.compare(previous, t) >= 0) return false;
            previous = t;
        }
        return true;
    }

    @Override
    protected ExtendedIterator<Triple> graphBaseFind(Triple pattern) {
        Node s = pattern.getMatchSubject();
        Node p = pattern.getMatchPredicate();
        Node o = pattern.getMatchObject();
        List<Triple> base;
        if (s != null) base = bySubject.getOrDefault(s, List.of());
        else if (o != null) base = byObject.getOrDefault(o, List.of());
        else if (p != null) base = byPredicate.getOrDefault(p, List.of());
        else base = all;
        if (s == null && p == null && o == null) return WrappedIterator.create(base.iterator());
        return WrappedIterator.create(base.stream().filter(pattern::matches).iterator());
    }

    @Override
    protected int graphBaseSize() {
        return all.size();
    }

    @Override
    protected PrefixMapping createPrefixMapping() {
        PrefixMapping pm = PrefixMapping.Factory.create();
        if (prefixes != null) pm.setNsPrefixes(prefixes);
        return pm;
    }

    /** The triples in order. */
    public List<Triple> triples() {
        return all;
    }
}
