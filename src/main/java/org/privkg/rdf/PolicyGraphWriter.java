package org.privkg.rdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.SinkToCollection;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.privkg.annotation.Clause;
import org.privkg.annotation.Labels;
import org.privkg.annotation.PolicyDocument;
import org.privkg.annotation.Section;
import org.privkg.extract.Broader;
import org.privkg.extract.DataPractice;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.extract.ItemList;
import org.privkg.extract.Party;
import org.privkg.vocab.DpvMatcher;
import org.privkg.vocab.PK;
import org.privkg.vocab.PiplClassifier;

/**
 * Sends one extracted policy to a {@link StreamRDF} as quads in the policy's own named graph
 * (docs/annotating.md). Stores, exports and tests are all just sinks. Data items and purposes carry their DPV
 * alignment ({@code pk:dpvConcept}) and data items their PIPL art. 28 categories ({@code pk:piplSensitive}),
 * both functions of the label, so every graph that describes a shared data item says the same.
 */
public final class PolicyGraphWriter {
    private final Iris iris;
    private final DpvMatcher dpv;
    private final PiplClassifier pipl;

    public PolicyGraphWriter(Iris iris) {
        this(iris, DpvMatcher.bundled(), PiplClassifier.bundled());
    }

    public PolicyGraphWriter(Iris iris, DpvMatcher dpv, PiplClassifier pipl) {
        this.iris = iris;
        this.dpv = dpv;
        this.pipl = pipl;
    }

    public Node graphName(String policyId) {
        return iris.policy(policyId);
    }

    public void write(ExtractedPolicy policy, StreamRDF out) {
        new Emitter(policy, out).run();
    }

    /** The policy's quads in the order {@link #write} sends them. */
    public List<Quad> quads(ExtractedPolicy policy) {
        List<Quad> quads = new ArrayList<>();
        write(policy, StreamRDFLib.sinkQuads(new SinkToCollection<>(quads)));
        return quads;
    }

    private final class Emitter {
        private final ExtractedPolicy p;
        private final StreamRDF out;
        private final String id;
        private final Node g;
        private final Set<Node> described = new HashSet<>();
        private final Iris.InPolicy own;
        /** Data nodes by label: an item recurs in many practices of a policy, its IRI is made once. */
        private final java.util.Map<String, Node> dataNodes = new java.util.HashMap<>();
        /** Likewise parties and places: named by many practices, each IRI made (and described) once. */
        private final java.util.Map<String, Node> thirdParties = new java.util.HashMap<>();
        private final java.util.Map<String, Node> places = new java.util.HashMap<>();
        private final Node firstParty;
        private final Node[] clauseNodes;
        private final Node[] sectionNodes;
        private final PracticeClosure closure;
        private final ConceptSummary concepts;

        Emitter(ExtractedPolicy p, StreamRDF out) {
            this.p = p;
            this.out = out;
            this.id = p.id();
            this.g = iris.policy(id);
            this.own = iris.inPolicy(id);
            this.firstParty = iris.firstParty(id);
            this.clauseNodes = new Node[p.document().clauses().size()];
            this.sectionNodes = new Node[p.document().sections().size()];
            this.closure = new PracticeClosure(iris, p);
            this.concepts = new ConceptSummary(iris, g);
        }

        void run() {
            PolicyDocument doc = p.document();
            emit(g, RDF.type.asNode(), PK.Policy);
            emit(g, PK.policyId, NodeFactory.createLiteralString(id));
            emit(g, RDFS.label.asNode(), NodeFactory.createLiteralString(id));
            if (doc.source() != null) emit(g, DCTerms.source.asNode(), NodeFactory.createLiteralString(doc.source()));
            Node first = firstParty;
            emit(g, PK.firstParty, first);
            describe(first, PK.FirstParty, p.owner());
            for (Section s : doc.sections()) section(s);
            for (Clause c : doc.clauses()) clause(c);
            for (DataPractice dp : p.practices()) practice(dp);
            for (Broader b : p.hierarchy()) {
                emit(data(b.child()), SKOS.broader.asNode(), data(b.parent()));
            }
            for (String s : p.sensitive()) emit(g, PK.declaresSensitive, data(s));
            for (ItemList.AltName a : p.altNames()) emit(data(a.item()), SKOS.altLabel.asNode(), zh(a.name()));
            // after PracticeClosure's per practice: the concepts are read off the whole graph as written
            concepts.derive(this::emit);
        }

        private void section(Section s) {
            Node n = sectionNode(s.index());
            emit(n, RDF.type.asNode(), PK.Section);
            emit(n, PK.inPolicy, g);
            emit(n, RDFS.label.asNode(), zh(s.heading()));
            emit(n, PK.level, integer(s.level()));
            emit(n, PK.line, integer(s.line()));
            if (s.parent() >= 0) emit(n, PK.parentSection, sectionNode(s.parent()));
        }

        private void clause(Clause c) {
            Node n = clauseNode(c.index());
            emit(n, RDF.type.asNode(), PK.Clause);
            emit(n, PK.inPolicy, g);
            if (c.section() >= 0) emit(n, PK.inSection, sectionNode(c.section()));
            emit(n, PK.text, zh(c.text()));
            emit(n, PK.annotatedText, NodeFactory.createLiteralString(c.annotated()));
            emit(n, PK.line, integer(c.line()));
            emit(n, PK.startOffset, integer(c.start()));
            emit(n, PK.endOffset, integer(c.end()));
            emit(n, PK.sentence, integer(c.sentence() + 1));
        }

        private void practice(DataPractice dp) {
            Node n = own.node("practice", dp.index());
            emit(n, RDF.type.asNode(), PK.DataPractice);
            emit(n, PK.inPolicy, g);
            emit(n, PK.evidence, clauseNode(dp.clause()));
            emit(n, PK.action, PK.action(dp.action()));
            if (!dp.actionText().isEmpty()) emit(n, PK.actionText, zh(dp.actionText()));
            emit(n, PK.actor, party(dp.actor()));
            for (String d : dp.data()) emit(n, PK.data, data(d));
            for (String u : dp.purposes()) emit(n, PK.purpose, purpose(u));
            for (Party r : dp.recipients()) emit(n, PK.recipient, party(r));
            for (Party s : dp.sources()) emit(n, PK.source, party(s));
            for (Party s : dp.storedIn()) emit(n, PK.storedIn, party(s));
            emit(n, PK.requiresConsent, bool(dp.requiresConsent()));
            emit(n, PK.requiresSeparateConsent, bool(dp.requiresSeparateConsent()));
            emit(n, PK.negated, bool(dp.negated()));
            emit(n, PK.inferred, bool(dp.inferred()));
            emit(n, PK.entrustedProcessing, bool(dp.entrustedProcessing()));
            emit(n, PK.crossBorder, bool(dp.crossBorder()));
            emit(n, PK.exception, bool(dp.exception()));
            closure.derive(dp, (predicate, object) -> emit(n, predicate, object));
        }

        /** Clause and section nodes are each asked for several times: made once. */
        private Node clauseNode(int index) {
            if (index < 0 || index >= clauseNodes.length) return own.node("clause", index + 1);
            Node n = clauseNodes[index];
            if (n == null) clauseNodes[index] = n = own.node("clause", index + 1);
            return n;
        }

        private Node sectionNode(int index) {
            if (index < 0 || index >= sectionNodes.length) return own.node("section", index + 1);
            Node n = sectionNodes[index];
            if (n == null) sectionNodes[index] = n = own.node("section", index + 1);
            return n;
        }

        private Node data(String label) {
            Node n = dataNodes.get(label);
            if (n != null) return n; // described already
            n = iris.shared("data", label);
            dataNodes.put(label, n);
            if (describeShared(n, PK.DataType, label)) {
                // the matchers remember their answer per label: a corpus repeats its data items
                Node item = n;
                dpv.dataConcept(label).ifPresent(m -> emit(item, PK.dpvConcept, NodeFactory.createURI(m.iri())));
                for (Node c : pipl.categoryNodes(label)) emit(n, PK.piplSensitive, c);
            }
            return n;
        }

        private Node purpose(String label) {
            Node n = own.node("purpose", Labels.key(label));
            if (!described.contains(n)) {
                describe(n, PK.Purpose, label);
                emit(n, PK.inPolicy, g);
                for (DpvMatcher.Match m : dpv.purposeConcepts(label)) emit(n, PK.dpvConcept, NodeFactory.createURI(m.iri()));
            }
            return n;
        }

        private Node party(Party party) {
            return switch (party.role()) {
                case FIRST_PARTY -> firstParty;
                case DATA_SUBJECT -> {
                    Node n = iris.dataSubject();
                    if (described.add(n)) {
                        emit(n, RDF.type.asNode(), PK.DataSubject);
                        emit(n, RDFS.label.asNode(), zh("用户"));
                        emit(n, RDFS.label.asNode(), NodeFactory.createLiteralLang("data subject", "en"));
                    }
                    yield n;
                }
                case THIRD_PARTY -> {
                    Node n = thirdParties.get(party.label());
                    if (n == null) {
                        thirdParties.put(party.label(), n = iris.shared("party", party.label()));
                        describeShared(n, PK.ThirdParty, party.label());
                    }
                    yield n;
                }
                case PLACE -> {
                    Node n = places.get(party.label());
                    if (n == null) {
                        places.put(party.label(), n = iris.shared("place", party.label()));
                        describeShared(n, PK.StorageLocation, party.label());
                    }
                    yield n;
                }
            };
        }

        /** Type and label, once per graph: shared nodes are described in every graph that uses them ({@link #describeShared}). */
        private void describe(Node n, Node type, String label) {
            if (described.add(n)) {
                emit(n, RDF.type.asNode(), type);
                emit(n, RDFS.label.asNode(), zh(label));
            }
        }

        /**
         * A node shared by every policy that names it (its IRI made from the label's key): its one
         * rdfs:label is that key, so the union of all graphs holds one label whatever was loaded, in
         * whatever order; this policy's own spelling, when it differs, is its pk:spelling. Called once
         * per spelling; tells whether the node was new to this graph.
         */
        private boolean describeShared(Node n, Node type, String label) {
            String key = Labels.key(label);
            boolean first = !described.contains(n);
            describe(n, type, key);
            if (!key.equals(label)) emit(n, PK.spelling, zh(label));
            return first;
        }

        private void emit(Node s, Node p, Node o) {
            concepts.seen(s, p, o);
            out.quad(Quad.create(g, s, p, o));
        }
    }

    /** "zh" is already a canonical tag: skip the tag formatting of createLiteralLang (same node). */
    static Node zh(String s) {
        return NodeFactory.createLiteral(org.apache.jena.graph.impl.LiteralLabelFactory.createLang(s, "zh"));
    }

    /** Nodes are immutable: the small integers (lines, offsets, levels) and the booleans are made once. */
    private static final Node[] SMALL = new Node[4096];
    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);
    private static final Node FALSE = NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean);

    static {
        for (int i = 0; i < SMALL.length; i++) SMALL[i] = NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
    }

    static Node integer(long v) {
        if (v >= 0 && v < SMALL.length) return SMALL[(int) v];
        return NodeFactory.createLiteralDT(Long.toString(v), XSDDatatype.XSDinteger);
    }

    static Node bool(boolean b) {
        return b ? TRUE : FALSE;
    }
}
