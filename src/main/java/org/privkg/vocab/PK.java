package org.privkg.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** The privkg ontology's terms (ontology/privkg.ttl) as Jena nodes. */
public final class PK {
    private PK() {
    }

    public static final String NS = "https://w3id.org/privkg/ontology#";
    /** Name of the named graph that holds the ontology. */
    public static final String ONTOLOGY_GRAPH = "https://w3id.org/privkg/ontology";
    /**
     * Name of the named graph that holds each policy graph's provenance (subject: the graph's name).
     * Apart from the policy graphs, so that exports of the same data stay byte-identical although
     * the load time differs (docs/architecture.md, "Provenance").
     */
    public static final String PROVENANCE_GRAPH = "https://w3id.org/privkg/provenance";
    /**
     * Name of the named graph that holds what a corpus says about each policy ({@code load --meta}: app name,
     * sector, version date, source URL; subject: the policy's IRI). Apart from the policy graphs, which
     * loading the policy again replaces.
     */
    public static final String METADATA_GRAPH = "https://w3id.org/privkg/metadata";
    public static final String DEFAULT_BASE = "https://w3id.org/privkg/id/";

    public static Node term(String local) {
        return NodeFactory.createURI(NS + local);
    }

    public static Node action(ActionConcept a) {
        return term(a.localName);
    }

    public static final Node Policy = term("Policy");
    public static final Node Section = term("Section");
    public static final Node Clause = term("Clause");
    public static final Node DataPractice = term("DataPractice");
    public static final Node FirstParty = term("FirstParty");
    public static final Node ThirdParty = term("ThirdParty");
    public static final Node DataSubject = term("DataSubject");
    public static final Node StorageLocation = term("StorageLocation");
    public static final Node DataType = term("DataType");
    public static final Node Purpose = term("Purpose");

    public static final Node inPolicy = term("inPolicy");
    public static final Node inSection = term("inSection");
    public static final Node parentSection = term("parentSection");
    public static final Node level = term("level");
    public static final Node text = term("text");
    public static final Node annotatedText = term("annotatedText");
    public static final Node line = term("line");
    public static final Node startOffset = term("startOffset");
    public static final Node endOffset = term("endOffset");
    public static final Node sentence = term("sentence");
    public static final Node evidence = term("evidence");
    public static final Node actor = term("actor");
    public static final Node recipient = term("recipient");
    public static final Node source = term("source");
    public static final Node action = term("action");
    public static final Node actionText = term("actionText");
    public static final Node spelling = term("spelling");
    public static final Node data = term("data");
    public static final Node purpose = term("purpose");
    public static final Node storedIn = term("storedIn");
    public static final Node requiresConsent = term("requiresConsent");
    public static final Node requiresSeparateConsent = term("requiresSeparateConsent");
    public static final Node negated = term("negated");
    public static final Node inferred = term("inferred");
    public static final Node declaresSensitive = term("declaresSensitive");
    public static final Node policyId = term("policyId");
    public static final Node inputSha256 = term("inputSha256");
    public static final Node privkgVersion = term("privkgVersion");
    public static final Node warningCount = term("warningCount");
    public static final Node firstParty = term("firstParty");
    public static final Node dpvConcept = term("dpvConcept");
    public static final Node piplSensitive = term("piplSensitive");
    public static final Node entrustedProcessing = term("entrustedProcessing");
    public static final Node crossBorder = term("crossBorder");
    public static final Node exception = term("exception");
    /** Derived when a policy is written (rdf/PracticeClosure): what the property paths of queries would work out. */
    public static final Node covers = term("covers");
    public static final Node actionCategory = term("actionCategory");
    /** Derived when a policy is written (rdf/ConceptSummary): the DPV concepts a policy uses, and its practices' concept pairs. */
    public static final Node usesDataConcept = term("usesDataConcept");
    public static final Node usesPurposeConcept = term("usesPurposeConcept");
    public static final Node conceptPair = term("conceptPair");
    public static final Node pairDataConcept = term("pairDataConcept");
    public static final Node pairPurposeConcept = term("pairPurposeConcept");
}
