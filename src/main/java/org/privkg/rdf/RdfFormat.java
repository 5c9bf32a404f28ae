package org.privkg.rdf;

import java.io.OutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.privkg.vocab.PK;

/** The export formats, and the prefixes every export uses. */
public enum RdfFormat {
    TTL("ttl", RDFFormat.TURTLE_PRETTY, false),
    TRIG("trig", RDFFormat.TRIG_PRETTY, true),
    NQ("nq", RDFFormat.NQUADS_UTF8, true),
    JSONLD("jsonld", RDFFormat.JSONLD11, true);

    public final String name;
    private final RDFFormat format;
    /** Whether the format keeps named graphs; Turtle gets the union of the graphs. */
    public final boolean quads;

    RdfFormat(String name, RDFFormat format, boolean quads) {
        this.name = name;
        this.format = format;
        this.quads = quads;
    }

    public static RdfFormat of(String name) {
        for (RdfFormat f : values()) if (f.name.equalsIgnoreCase(name)) return f;
        throw new IllegalArgumentException("unknown format '" + name + "'; use one of ttl, trig, nq, jsonld");
    }

    /** Writes the whole dataset (Turtle: the union of its graphs) with the given prefixes. */
    public void write(DatasetGraph dsg, PrefixMapping prefixes, OutputStream out) {
        if (!quads) {
            write(dsg.getUnionGraph(), prefixes, out);
            return;
        }
        PrefixMap pm = PrefixMapFactory.create(prefixes);
        DatasetGraph view = new DatasetGraphWrapper(dsg) {
            @Override
            public PrefixMap prefixes() {
                return pm;
            }
        };
        RDFWriter.source(view).format(format).output(out);
    }

    /** Writes one graph; formats that keep graph names put it in the default graph. */
    public void write(Graph graph, PrefixMapping prefixes, OutputStream out) {
        Graph view = new GraphWrapper(graph) {
            @Override
            public PrefixMapping getPrefixMapping() {
                return prefixes;
            }
        };
        if (quads && this != NQ) {
            RDFWriter.source(DatasetGraphFactory.wrap(view)).format(format).output(out);
        } else {
            RDFWriter.source(view).format(this == NQ ? RDFFormat.NTRIPLES_UTF8 : format).output(out);
        }
    }

    /** The project's prefixes, with the instance namespaces under the given base. */
    public static PrefixMapping prefixes(String base) {
        Iris iris = new Iris(base);
        return PrefixMapping.Factory.create()
                .setNsPrefix("pk", PK.NS)
                .setNsPrefix("dpv", "https://w3id.org/dpv#")
                .setNsPrefix("pd", "https://w3id.org/dpv/pd#")
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
