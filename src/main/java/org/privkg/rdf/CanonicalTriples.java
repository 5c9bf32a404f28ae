package org.privkg.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The triples of some graphs of a store (their union, duplicates once) in {@link CanonicalDataset}'s
 * canonical form, read as a stream in bounded memory: triples of named nodes only go through a
 * {@link TripleSort}; triples that touch a blank node are held, since their canonical labels depend on
 * all of them, then relabelled, sorted, and merged in. privkg's own data has blank nodes only in the
 * ontology graph (a few dozen triples). Call inside a read transaction.
 */
public final class CanonicalTriples implements AutoCloseable {
    private final TripleSort sort;
    private final List<Triple> blankTriples;
    private final int blankNodes;

    private CanonicalTriples(TripleSort sort, List<Triple> blankTriples, int blankNodes) {
        this.sort = sort;
        this.blankTriples = blankTriples;
        this.blankNodes = blankNodes;
    }

    /**
     * Reads the graphs (the default graph for a null name); blank nodes are labelled from b{@code firstBlank}.
     * At most {@code maxInMemory} triples of named nodes are held; past that sorted runs go to {@code tempDir}.
     */
    public static CanonicalTriples read(DatasetGraph dsg, Collection<Node> graphNames, int firstBlank, int maxInMemory, Path tempDir) {
        TripleSort sort = new TripleSort(maxInMemory, tempDir);
        List<Triple> blanks = new ArrayList<>();
        try {
            for (Node name : graphNames) {
                Iterator<Triple> it = (name == null ? dsg.getDefaultGraph() : dsg.getGraph(name)).find();
                while (it.hasNext()) {
                    Triple t = it.next();
                    if (t.getSubject().isBlank() || t.getObject().isBlank()) blanks.add(t);
                    else sort.add(t);
                }
            }
        } catch (RuntimeException e) {
            sort.close();
            throw e;
        }
        Map<Node, Node> relabel = CanonicalDataset.canonicalBlankNodes(List.of(blanks), firstBlank);
        List<Triple> relabelled = CanonicalDataset.rewrite(blanks, relabel);
        relabelled = new ArrayList<>(relabelled);
        relabelled.sort(NodeOrder.TRIPLES);
        return new CanonicalTriples(sort, relabelled, relabel.size());
    }

    /** How many blank nodes were labelled. */
    public int blankNodes() {
        return blankNodes;
    }

    /** The relabelled triples that touch a blank node, in order. */
    public List<Triple> blankTriples() {
        return blankTriples;
    }

    /** Whether sorting needed run files on disk. */
    public boolean spilled() {
        return sort.runs() > 0;
    }

    /** All the triples in order, each once; call once. */
    public Iterator<Triple> triples() {
        Iterator<Triple> a = sort.sorted();
        Iterator<Triple> b = blankTriples.iterator();
        return new Iterator<>() {
            Triple x = a.hasNext() ? a.next() : null;
            Triple y = b.hasNext() ? b.next() : null;

            @Override
            public boolean hasNext() {
                return x != null || y != null;
            }

            @Override
            public Triple next() {
                if (x == null && y == null) throw new NoSuchElementException();
                int c = x == null ? 1 : y == null ? -1 : NodeOrder.TRIPLES.compare(x, y);
                Triple t = c <= 0 ? x : y;
                if (c <= 0) x = a.hasNext() ? a.next() : null;
                if (c >= 0) y = b.hasNext() ? b.next() : null;
                return t;
            }
        };
    }

    @Override
    public void close() {
        sort.close();
    }
}
