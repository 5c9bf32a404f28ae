package org.privkg.query;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.XSD;
import org.privkg.vocab.DPV;
import org.privkg.vocab.PK;

/**
 * The prefixes a query may use without declaring them, as Fuseki's UI and the bundled queries do.
 * A query's own PREFIX of the same name wins.
 */
public final class QueryPrefixes {
    /** privkg's SPARQL functions (pkf:dataItemLabelContains, pkf:policyId, pkf:isNegated). */
    public static final String FUNCTIONS = "https://w3id.org/privkg/function#";

    public static final PrefixMapping PREDECLARED = PrefixMapping.Factory.create()
            .setNsPrefix("rdf", RDF.uri)
            .setNsPrefix("rdfs", RDFS.uri)
            .setNsPrefix("xsd", XSD.NS)
            .setNsPrefix("owl", OWL.NS)
            .setNsPrefix("skos", SKOS.uri)
            .setNsPrefix("dcterms", DCTerms.NS)
            .setNsPrefix("dct", DCTerms.NS)
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("dpv", DPV.NS)
            .setNsPrefix("pd", DPV.PD)
            .setNsPrefix("pk", PK.NS)
            .setNsPrefix("pkf", FUNCTIONS)
            .lock();

    private QueryPrefixes() {
    }
}
