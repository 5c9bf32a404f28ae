package org.privkg.query;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.vocabulary.DCTerms;
import org.privkg.rdf.RdfFormat;

/**
 * The prefixes a query may use without declaring them, as Fuseki's UI and the bundled queries do:
 * the exports' own (pk dpv pd rdf rdfs skos xsd owl dct, and policy data party place under the default base)
 * and dcterms, prov, pkf. A query's own PREFIX of the same name wins.
 */
public final class QueryPrefixes {
    /** privkg's SPARQL functions (pkf:dataItemLabelContains, pkf:policyId, pkf:isNegated). */
    public static final String FUNCTIONS = "https://w3id.org/privkg/function#";

    public static final PrefixMapping PREDECLARED = PrefixMapping.Factory.create()
            .setNsPrefixes(RdfFormat.prefixes(null))
            .setNsPrefix("dcterms", DCTerms.NS)
            .setNsPrefix("prov", "http://www.w3.org/ns/prov#")
            .setNsPrefix("pkf", FUNCTIONS)
            .lock();

    private QueryPrefixes() {
    }
}
