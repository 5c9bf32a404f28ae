package org.privkg.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.privkg.vocab.PK;

/**
 * Where a policy graph came from: its source (a file name, {@code upload} for PUT, {@code library}
 * for the API unless given), the SHA-256 of its input, the input format, the privkg version that
 * made it, when it was loaded and how many warnings reading it gave. Written as PROV-O and Dublin
 * Core triples about the graph's name, in {@link PK#PROVENANCE_GRAPH}: not in the policy's graph,
 * whose canonical export must not change with the load time.
 */
public record Provenance(String source, String inputSha256, String format, String privkgVersion,
                         Instant loadedAt, int warnings) {
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final Node ENTITY = NodeFactory.createURI(PROV + "Entity");
    public static final Node GENERATED_AT = NodeFactory.createURI(PROV + "generatedAtTime");
    public static final Node GRAPH = NodeFactory.createURI(PK.PROVENANCE_GRAPH);

    /** The quads describing {@code policyGraph}, all in {@link #GRAPH}. */
    public List<Quad> quads(Node policyGraph) {
        List<Quad> q = new ArrayList<>(7);
        q.add(quad(policyGraph, RDF.type.asNode(), ENTITY));
        q.add(quad(policyGraph, DCTerms.source.asNode(), NodeFactory.createLiteralString(source)));
        q.add(quad(policyGraph, DCTerms.format.asNode(), NodeFactory.createLiteralString(format)));
        q.add(quad(policyGraph, PK.inputSha256, NodeFactory.createLiteralString(inputSha256)));
        q.add(quad(policyGraph, PK.privkgVersion, NodeFactory.createLiteralString(privkgVersion)));
        q.add(quad(policyGraph, GENERATED_AT, NodeFactory.createLiteralDT(loadedAt.toString(), XSDDatatype.XSDdateTime)));
        q.add(quad(policyGraph, PK.warningCount, NodeFactory.createLiteralDT(Integer.toString(warnings), XSDDatatype.XSDinteger)));
        return q;
    }

    private static Quad quad(Node s, Node p, Node o) {
        return Quad.create(GRAPH, s, p, o);
    }

    private static final String VERSION = readVersion();

    /** This build's version (the Maven project version, written into a resource by the build). */
    public static String currentVersion() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/privkg/version.properties")) {
            if (in == null) throw new IllegalStateException("privkg/version.properties missing from the build");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read privkg/version.properties", e);
        }
    }
}
