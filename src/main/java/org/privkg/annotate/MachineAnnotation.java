package org.privkg.annotate;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The one place a policy's graph says its marks were proposed by a program, not written by a person:
 * {@code <policy> pk:annotatedBy <agent>}, the agent a prov:SoftwareAgent labelled with the
 * annotator's name and version (ontology/privkg.ttl). A policy without it was marked by hand.
 */
public final class MachineAnnotation {
    public static final Node ANNOTATED_BY = NodeFactory.createURI("https://w3id.org/privkg/ontology#annotatedBy");
    private static final Node SOFTWARE_AGENT = NodeFactory.createURI("http://www.w3.org/ns/prov#SoftwareAgent");
    /** The annotator of this build: its IRI names its version, so marks of different rule sets stay apart. */
    public static final Node AGENT = NodeFactory.createURI("https://w3id.org/privkg/agent/" + Annotator.NAME + "/" + Annotator.VERSION);

    private MachineAnnotation() {
    }

    /** The quads to add to the graph of a machine-annotated policy, whose IRI is also its graph's name. */
    public static List<Quad> provenance(Node policyGraph) {
        return List.of(
                Quad.create(policyGraph, policyGraph, ANNOTATED_BY, AGENT),
                Quad.create(policyGraph, AGENT, RDF.type.asNode(), SOFTWARE_AGENT),
                Quad.create(policyGraph, AGENT, RDFS.label.asNode(),
                        NodeFactory.createLiteralString(Annotator.NAME + " " + Annotator.VERSION)));
    }
}
