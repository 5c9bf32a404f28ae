package org.privkg.metadata;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.privkg.rdf.Iris;
import org.privkg.vocab.PK;

/**
 * Policy metadata as quads in {@link #GRAPH}, each about the policy's IRI: the app's name as {@code dct:title},
 * the sector as {@code dct:subject}, the version date as {@code dct:issued} ({@code xsd:date}), the source URL as
 * {@code dcat:landingPage}, a {@code dcterms:NAME} column as that term, and any other column as
 * {@code <https://w3id.org/privkg/meta/COLUMN>}. A graph of its own, not the policy's: loading or PUT replaces the
 * policy's graph, which must not take the metadata with it; deleting the policy deletes its metadata too
 * ({@code PolicyStore.delete}).
 */
public final class MetadataGraph {
    private MetadataGraph() {
    }

    public static final Node GRAPH = NodeFactory.createURI(PK.METADATA_GRAPH);
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final Node LANDING_PAGE = NodeFactory.createURI(DCAT + "landingPage");
    /** Where the properties of columns without a standard term are minted. */
    public static final String OTHER_COLUMNS = "https://w3id.org/privkg/meta/";

    /** The quads stating one row about the policy node. */
    public static List<Quad> quads(Node policy, PolicyMetadata m) {
        List<Quad> q = new ArrayList<>();
        if (m.app() != null) q.add(quad(policy, DCTerms.title.asNode(), NodeFactory.createLiteralString(m.app())));
        if (m.sector() != null) q.add(quad(policy, DCTerms.subject.asNode(), NodeFactory.createLiteralString(m.sector())));
        if (m.versionDate() != null) {
            q.add(quad(policy, DCTerms.issued.asNode(), NodeFactory.createLiteralDT(m.versionDate().toString(), XSDDatatype.XSDdate)));
        }
        if (m.sourceUrl() != null) q.add(quad(policy, LANDING_PAGE, NodeFactory.createURI(m.sourceUrl())));
        m.others().forEach((column, value) -> q.add(quad(policy, property(column), NodeFactory.createLiteralString(value))));
        return q;
    }

    /** The property a column other than the known ones is stored under. */
    public static Node property(String column) {
        if (MetadataColumns.of(column) == MetadataColumns.DCTERMS) return NodeFactory.createURI(DCTerms.NS + MetadataColumns.dctermsName(column));
        return NodeFactory.createURI(OTHER_COLUMNS + Iris.encode(column.strip()));
    }

    /**
     * Replaces the metadata of each given policy (what the rows say, nothing more: a policy's earlier metadata
     * goes, policies without a row keep theirs), in one write transaction.
     */
    public static void replace(DatasetGraph dsg, Iris iris, List<PolicyMetadata> rows) {
        Txn.executeWrite(dsg, () -> {
            for (PolicyMetadata m : rows) {
                Node policy = iris.policy(m.policyId());
                dsg.deleteAny(GRAPH, policy, Node.ANY, Node.ANY);
                quads(policy, m).forEach(dsg::add);
            }
        });
    }

    private static Quad quad(Node s, Node p, Node o) {
        return Quad.create(GRAPH, s, p, o);
    }
}
