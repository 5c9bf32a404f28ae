package org.privkg.rdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Named graphs of a store written in an RDF format, streamed: the same bytes as writing their
 * {@link CanonicalDataset} with {@link RdfFormat#write(CanonicalDataset, OutputStream)}, in memory bounded
 * by {@code maxInMemory} triples whatever the number of graphs. N-Quads and Turtle stream triple by triple
 * (Turtle's union through an external sort); TriG and JSON-LD hold one graph at a time, since their
 * writers lay out a whole graph. Graphs come in {@link NodeOrder} (JSON-LD: in the code-point order of
 * their names, as JSON-LD's "ordered" mode has it). Call inside a read transaction.
 */
public final class DatasetExport {
    /** Reports triples written, for a progress display. */
    public interface Progress {
        void triples(long done);
    }

    private final DatasetGraph dsg;
    private final PrefixMapping prefixes;
    private final int maxInMemory;
    private final Path tempDir;
    private final Progress progress;
    private long done;

    /** {@code tempDir} receives the sort's run files (and loses them again) when a sort does not fit in memory. */
    public DatasetExport(DatasetGraph dsg, PrefixMapping prefixes, int maxInMemory, Path tempDir, Progress progress) {
        this.dsg = dsg;
        this.prefixes = prefixes;
        this.maxInMemory = maxInMemory;
        this.tempDir = tempDir;
        this.progress = progress;
    }

    public void write(RdfFormat format, Collection<Node> graphNames, OutputStream out) throws IOException {
        List<Node> names = new ArrayList<>(graphNames);
        names.sort(NodeOrder.NODES);
        switch (format) {
            case NQ -> nquads(names, out);
            case TTL -> turtle(names, out);
            case TRIG -> trig(names, out);
            case JSONLD -> jsonld(names, out);
        }
    }

    private void nquads(List<Node> names, OutputStream out) {
        StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8);
        w.start();
        int blanks = 0;
        for (Node g : names) {
            try (CanonicalTriples ct = CanonicalTriples.read(dsg, List.of(g), blanks, maxInMemory, tempDir)) {
                for (Iterator<Triple> it = ct.triples(); it.hasNext(); ) {
                    w.quad(Quad.create(g, it.next()));
                    tick();
                }
                blanks += ct.blankNodes();
            }
        }
        w.finish();
    }

    private void turtle(List<Node> names, OutputStream out) throws IOException {
        try (CanonicalTriples ct = CanonicalTriples.read(dsg, names, 0, maxInMemory, tempDir)) {
            TurtleBatches.write(ct.triples(), ct.blankTriples(), prefixes, out, this::tick);
        }
    }

    private void trig(List<Node> names, OutputStream out) throws IOException {
        int header = trig(Map.of()).length;
        int blanks = 0;
        boolean first = true;
        for (Node g : names) {
            SortedGraph graph;
            try (CanonicalTriples ct = CanonicalTriples.read(dsg, List.of(g), blanks, maxInMemory, tempDir)) {
                graph = inMemory(ct);
                blanks += ct.blankNodes();
            }
            // Jena's TriG writer lays out one graph at a time; each call's prefix header is cut off but the first's
            byte[] b = trig(Map.of(g, graph));
            if (first) out.write(b);
            else out.write(b, header, b.length - header);
            first = false;
        }
        if (first) out.write(trig(Map.of()));
    }

    private byte[] trig(Map<Node, SortedGraph> graphs) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RDFWriter.source(CanonicalDataset.ofSorted(graphs, prefixes).asDatasetGraph()).format(RDFFormat.TRIG_PRETTY).output(buf);
        return buf.toByteArray();
    }

    private void jsonld(List<Node> names, OutputStream out) throws IOException {
        names.sort(Comparator.comparing(Node::toString));
        if (names.size() <= 1) {
            // one graph is written as the graph object itself, not in a list of graphs
            Map<Node, SortedGraph> graphs = new LinkedHashMap<>();
            for (Node g : names) {
                try (CanonicalTriples ct = CanonicalTriples.read(dsg, List.of(g), 0, maxInMemory, tempDir)) {
                    graphs.put(g, inMemory(ct));
                }
            }
            JsonLdWriter.write(CanonicalDataset.ofSorted(graphs, prefixes), RdfFormat.baseOf(prefixes), out);
            return;
        }
        int[] blanks = {0};
        Iterator<CanonicalDataset> graphs = names.stream().map(g -> {
            try (CanonicalTriples ct = CanonicalTriples.read(dsg, List.of(g), blanks[0], maxInMemory, tempDir)) {
                blanks[0] += ct.blankNodes();
                return CanonicalDataset.ofSorted(Map.of(g, inMemory(ct)), prefixes);
            }
        }).iterator();
        JsonLdWriter.writeGraphs(graphs, RdfFormat.baseOf(prefixes), out);
    }

    private SortedGraph inMemory(CanonicalTriples ct) {
        List<Triple> ts = new ArrayList<>();
        for (Iterator<Triple> it = ct.triples(); it.hasNext(); ) {
            ts.add(it.next());
            tick();
        }
        return new SortedGraph(ts, prefixes);
    }

    private void tick() {
        if ((++done & 0xFFF) == 0) progress.triples(done);
    }

    /** Triples written so far. */
    public long triplesWritten() {
        return done;
    }
}
