package org.privkg.rdf;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.privkg.vocab.DPV;
import org.privkg.vocab.PK;

/**
 * The RDF export formats, and the prefixes every export uses. Every format writes a canonical copy
 * ({@link CanonicalDataset}): graphs, subjects and objects in a fixed order and blank nodes labelled by
 * structure, so the same triples give byte-identical files, whichever store or load order they came from.
 */
public enum RdfFormat {
    TTL("ttl", false),
    TRIG("trig", true),
    NQ("nq", true),
    JSONLD("jsonld", true);

    public final String name;
    /** Whether the format keeps named graphs; Turtle gets the union of the graphs. */
    public final boolean quads;

    RdfFormat(String name, boolean quads) {
        this.name = name;
        this.quads = quads;
    }

    public static RdfFormat of(String name) {
        for (RdfFormat f : values()) if (f.name.equalsIgnoreCase(name)) return f;
        throw new IllegalArgumentException("unknown format '" + name + "'; use one of ttl, trig, nq, jsonld");
    }

    /** Writes every named graph of the dataset (Turtle: their union) with the given prefixes. */
    public void write(DatasetGraph dsg, PrefixMapping prefixes, OutputStream out) {
        List<Node> names = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(names::add);
        write(dsg, names, prefixes, out);
    }

    /** Writes the named graphs of the dataset (Turtle: their union) with the given prefixes. */
    public void write(DatasetGraph dsg, Collection<Node> graphNames, PrefixMapping prefixes, OutputStream out) {
        write(CanonicalDataset.of(dsg, graphNames, prefixes), out);
    }

    public void write(CanonicalDataset data, OutputStream out) {
        switch (this) {
            case TTL -> RDFWriter.source(data.union()).format(RDFFormat.TURTLE_PRETTY).output(out);
            case TRIG -> RDFWriter.source(data.asDatasetGraph()).format(RDFFormat.TRIG_PRETTY).output(out);
            case NQ -> {
                StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS_UTF8);
                w.start();
                for (Node g : data.graphNames()) for (Triple t : data.graph(g).triples()) w.quad(Quad.create(g, t));
                w.finish();
            }
            case JSONLD -> JsonLdWriter.write(data, baseOf(data.prefixes()), out);
        }
    }

    /** Writes one graph; formats that keep graph names put it in the default graph. */
    public void write(Graph graph, PrefixMapping prefixes, OutputStream out) {
        SortedGraph g = CanonicalDataset.of(graph, prefixes);
        switch (this) {
            case TTL -> RDFWriter.source(g).format(RDFFormat.TURTLE_PRETTY).output(out);
            case TRIG -> RDFWriter.source(DatasetGraphFactory.wrap(g)).format(RDFFormat.TRIG_PRETTY).output(out);
            case NQ -> {
                StreamRDF w = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES_UTF8);
                w.start();
                for (Triple t : g.triples()) w.triple(t);
                w.finish();
            }
            case JSONLD -> JsonLdWriter.write(DatasetGraphFactory.wrap(g), baseOf(prefixes), out);
        }
    }

    /** The instance base a prefix mapping of {@link #prefixes(String)} was made for. */
    static String baseOf(PrefixMapping prefixes) {
        String policy = prefixes.getNsPrefixURI("policy");
        return policy != null && policy.endsWith("policy/") ? policy.substring(0, policy.length() - "policy/".length()) : null;
    }

    /** The project's prefixes, with the instance namespaces under the given base. */
    public static PrefixMapping prefixes(String base) {
        Iris iris = new Iris(base);
        return PrefixMapping.Factory.create()
                .setNsPrefix("pk", PK.NS)
                .setNsPrefix("dpv", DPV.NS)
                .setNsPrefix("pd", DPV.PD)
                .setNsPrefix("rdf", RDF.uri)
                .setNsPrefix("rdfs", RDFS.uri)
                .setNsPrefix("skos", SKOS.uri)
                .setNsPrefix("xsd", XSD.NS)
                .setNsPrefix("owl", OWL.NS)
                .setNsPrefix("dct", DCTerms.NS)
                .setNsPrefix("policy", iris.base() + "policy/")
                .setNsPrefix("data", iris.base() + "data/")
                .setNsPrefix("party", iris.base() + "party/")
                .setNsPrefix("place", iris.base() + "place/")
                .lock();
    }
}
