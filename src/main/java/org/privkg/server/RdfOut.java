package org.privkg.server;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.privkg.rdf.RdfFormat;

/** Writes a graph in the RDF syntax a client asked for. */
final class RdfOut {
    /** The RDF syntaxes the server offers, Turtle first (the default). */
    static final List<String> TYPES = List.of(Http.TURTLE, Http.JSONLD, Http.NTRIPLES, Http.RDFXML);

    private RdfOut() {
    }

    static boolean isRdf(String mediaType) {
        return TYPES.contains(mediaType);
    }

    static byte[] serialize(Graph graph, String mediaType, PrefixMapping prefixes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (mediaType) {
            case Http.JSONLD -> RdfFormat.JSONLD.write(graph, prefixes, out);
            case Http.NTRIPLES -> RDFWriter.source(graph).format(RDFFormat.NTRIPLES_UTF8).output(out);
            case Http.RDFXML -> RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.RDFXML_PRETTY).output(out);
            default -> RDFWriter.source(withPrefixes(graph, prefixes)).format(RDFFormat.TURTLE_PRETTY).output(out);
        }
        return out.toByteArray();
    }

    /** A copy carrying only the prefixes the graph uses, so small descriptions stay small. */
    private static Graph withPrefixes(Graph graph, PrefixMapping prefixes) {
        Graph copy = GraphFactory.createDefaultGraph();
        GraphUtil.addInto(copy, graph);
        PrefixMapping used = copy.getPrefixMapping();
        prefixes.getNsPrefixMap().forEach((prefix, ns) -> {
            boolean inUse = copy.find().filterKeep(t -> startsWith(t.getSubject(), ns) || startsWith(t.getPredicate(), ns)
                    || startsWith(t.getObject(), ns) || (t.getObject().isLiteral() && t.getObject().getLiteralDatatypeURI() != null
                    && t.getObject().getLiteralDatatypeURI().startsWith(ns))).hasNext();
            if (inUse) used.setNsPrefix(prefix, ns);
        });
        return copy;
    }

    private static boolean startsWith(org.apache.jena.graph.Node n, String ns) {
        return n.isURI() && n.getURI().startsWith(ns);
    }
}
