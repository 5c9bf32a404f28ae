package org.privkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.expr.NodeValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/** pkf:isNegated(?practice) tells what pk:negated true tells, and follows changes to the store. */
class IsNegatedTest {
    private static final String PREFIXES = """
            PREFIX pk:   <https://w3id.org/privkg/ontology#>
            PREFIX pkf:  <https://w3id.org/privkg/function#>
            """;

    @TempDir
    static Path tmp;
    static PolicyStore store;

    @BeforeAll
    static void load() throws IOException {
        store = LabelContainsTest.storeWith(tmp.resolve("db"), Path.of("data", "policies"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Set<String> practices(String filter) {
        return LabelContainsTest.select(store, PREFIXES + "SELECT ?practice WHERE { ?practice a pk:DataPractice " + filter + " }", "practice");
    }

    @Test
    void tellsWhatTheStoredTriplesTell() {
        Set<String> negated = practices("FILTER EXISTS { ?practice pk:negated true }");
        assertFalse(negated.isEmpty(), "the bundled policies negate some practices");
        assertEquals(negated, practices("FILTER (pkf:isNegated(?practice))"));
        assertEquals(practices("FILTER NOT EXISTS { ?practice pk:negated true }"), practices("FILTER (!pkf:isNegated(?practice))"));
        assertTrue(practices("FILTER (pkf:isNegated(pk:DataPractice))").isEmpty(), "a node that is no practice is not negated");
    }

    @Test
    void aWriteTransactionSeesItsOwnChanges() {
        DatasetGraph dsg = store.dataset();
        Node graph = NodeFactory.createURI("urn:example:notes");
        Node practice = NodeFactory.createURI("urn:example:notes#practice");
        String isNegated = "BIND (pkf:isNegated(<urn:example:notes#practice>) AS ?practice)";
        dsg.begin(ReadWrite.WRITE);
        try {
            assertEquals(Set.of("practice=\"false\"^^xsd:boolean"), select(isNegated));
            dsg.add(graph, practice, PK.negated, NodeValue.TRUE.asNode());
            assertEquals(Set.of("practice=\"true\"^^xsd:boolean"), select(isNegated));
        } finally {
            dsg.abort();
            dsg.end();
        }
        assertEquals(Set.of("practice=\"false\"^^xsd:boolean"), select(isNegated));
    }

    @Test
    void takesOneArgument() {
        assertThrows(QueryBuildException.class, () -> select("BIND (pkf:isNegated() AS ?practice)"));
    }

    private static Set<String> select(String where) {
        return LabelContainsTest.select(store, PREFIXES + "SELECT * WHERE { " + where + " }", "practice");
    }
}
