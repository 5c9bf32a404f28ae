package org.privkg.rdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;

/**
 * Jena's pretty Turtle for a stream of sorted triples, a batch of whole subjects at a time. Jena writes a
 * graph without shared blank nodes subject by subject, in the graph's order, so the batches, each written
 * by Jena with its prefix header cut off, add up to the bytes Jena writes for the whole graph. A blank node
 * is written nested inside the subject that refers to it, so each batch also gets the blank nodes its
 * subjects reach. When a blank node is referred to more than once, or not at all, or in a cycle, Jena
 * writes it apart, with a label; then the whole graph is written as one batch (in memory), as it was
 * before exports streamed.
 */
final class TurtleBatches {
    /** Triples per batch: enough that Jena's set-up per call is lost in the writing. */
    static final int BATCH = 20_000;

    private final PrefixMapping prefixes;
    private final OutputStream out;
    private final int header;
    private boolean started;

    private TurtleBatches(PrefixMapping prefixes, OutputStream out) {
        this.prefixes = prefixes;
        this.out = out;
        this.header = turtle(List.of()).length;
    }

    /** Writes the triples, sorted and distinct; those touching blank nodes are also given on their own. */
    static void write(Iterator<Triple> sorted, List<Triple> blankTriples, PrefixMapping prefixes, OutputStream out, Runnable perTriple)
            throws IOException {
        new TurtleBatches(prefixes, out).write(sorted, blankTriples, perTriple);
    }

    private void write(Iterator<Triple> sorted, List<Triple> blankTriples, Runnable perTriple) throws IOException {
        Map<Node, List<Triple>> bySubject = new HashMap<>();
        for (Triple t : blankTriples) if (t.getSubject().isBlank()) bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
        boolean nested = eachReferredToOnceWithoutCycles(blankTriples, bySubject);
        List<Triple> batch = new ArrayList<>();
        Node subject = null;
        while (sorted.hasNext()) {
            Triple t = sorted.next();
            perTriple.run();
            if (nested && t.getSubject().isBlank()) continue; // written inside its referrer
            if (nested && !t.getSubject().equals(subject) && batch.size() >= BATCH) {
                flush(batch);
                batch.clear();
            }
            subject = t.getSubject();
            batch.add(t);
            if (nested && t.getObject().isBlank()) addReached(t.getObject(), bySubject, batch);
        }
        if (!batch.isEmpty() || !started) flush(batch);
    }

    private static void addReached(Node blank, Map<Node, List<Triple>> bySubject, List<Triple> batch) {
        for (Triple t : bySubject.getOrDefault(blank, List.of())) {
            batch.add(t);
            if (t.getObject().isBlank()) addReached(t.getObject(), bySubject, batch);
        }
    }

    private static boolean eachReferredToOnceWithoutCycles(List<Triple> blankTriples, Map<Node, List<Triple>> bySubject) {
        Map<Node, Integer> referrers = new HashMap<>();
        Set<Node> blanks = new HashSet<>();
        for (Triple t : blankTriples) {
            if (t.getSubject().isBlank()) blanks.add(t.getSubject());
            if (t.getObject().isBlank()) {
                blanks.add(t.getObject());
                referrers.merge(t.getObject(), 1, Integer::sum);
            }
        }
        for (Node b : blanks) if (referrers.getOrDefault(b, 0) != 1) return false;
        // referred to once each, a cycle would have no named node above it: every blank node must reach up to one
        Map<Node, Node> referrer = new HashMap<>();
        for (Triple t : blankTriples) if (t.getObject().isBlank()) referrer.put(t.getObject(), t.getSubject());
        for (Node b : blanks) {
            Node n = b;
            for (int steps = 0; n != null && n.isBlank(); steps++) {
                if (steps > blanks.size()) return false;
                n = referrer.get(n);
            }
        }
        return true;
    }

    private void flush(List<Triple> batch) throws IOException {
        byte[] b = turtle(batch);
        if (started) out.write(b, header, b.length - header);
        else out.write(b);
        started = true;
    }

    private byte[] turtle(List<Triple> triples) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RDFWriter.source(new SortedGraph(triples, prefixes)).format(RDFFormat.TURTLE_PRETTY).output(buf);
        return buf.toByteArray();
    }
}
