package org.privkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.privkg.fixture.Fixtures;
import org.privkg.fixture.Loads;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/**
 * pkf:policyId and pkf:isNegated answer what pk:policyId and pk:negated true answer, and follow changes
 * to the store.
 */
class TableFunctionTest {
    private static final String PREFIXES = """
            PREFIX pk:   <https://w3id.org/privkg/ontology#>
            PREFIX pkf:  <https://w3id.org/privkg/function#>
            """;

    @TempDir
    static Path tmp;
    static PolicyStore store;

    @BeforeAll
    static void load() throws IOException {
        store = LabelContainsTest.storeWith(tmp.resolve("db"), Fixtures.POLICIES);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Set<String> rows(String where) {
        return LabelContainsTest.select(store, PREFIXES + "SELECT * WHERE { " + where + " }", "policy", "id", "node", "practice");
    }

    /** Every named graph the function gives an id, with the id: the policies, as privkg names each policy's graph after it. */
    static Set<String> byFunction(String filter) {
        return rows("GRAPH ?policy { } BIND (pkf:policyId(?policy) AS ?id) FILTER (BOUND(?id)) " + filter);
    }

    static Set<String> stored() {
        return rows("?policy pk:policyId ?id");
    }

    static Set<String> practices(String filter) {
        return LabelContainsTest.select(store, PREFIXES + "SELECT ?practice WHERE { ?practice a pk:DataPractice " + filter + " }", "practice");
    }

    @Test
    void answersWhatTheStoredTriplesAnswer() {
        assertTrue(stored().size() >= 2, "the bundled policies");
        assertEquals(stored(), byFunction(""));
        assertEquals(rows("?policy pk:policyId \"gome\" ; pk:policyId ?id"),
                rows("?policy pk:policyId \"gome\" BIND (pkf:policyId(?policy) AS ?id)"));
    }

    @Test
    void aNodeThatIsNoPolicyHasNoId() {
        assertEquals(Set.of(), rows("?node a pk:DataPractice BIND (pkf:policyId(?node) AS ?id) FILTER (BOUND(?id))"));
        assertEquals(Set.of(), rows("BIND (pkf:policyId(\"gome\") AS ?id) FILTER (BOUND(?id))"), "an id is no policy");
    }

    @Test
    void takesOneArgument() {
        assertThrows(QueryBuildException.class, () -> rows("BIND (pkf:policyId() AS ?id)"));
        assertThrows(QueryBuildException.class, () -> rows("?policy pk:policyId ?x BIND (pkf:policyId(?policy, ?x) AS ?id)"));
        assertThrows(QueryBuildException.class, () -> rows("BIND (pkf:isNegated() AS ?practice)"));
    }

    @Test
    void seesPoliciesStoredAfterItsTableWasBuilt() throws IOException {
        assertEquals(Set.of(), byFunction("FILTER (?id = \"pets\")"));
        Path dir = Files.createDirectories(tmp.resolve("later"));
        Files.writeString(dir.resolve("pets.txt"), "宠物医院隐私政策\n为{预约诊疗}，我们会[收集]您的<宠物芯片编号>。\n", StandardCharsets.UTF_8);
        Loads.put(store, Loads.sources(dir));
        assertEquals(1, byFunction("FILTER (?id = \"pets\")").size());
        assertEquals(stored(), byFunction(""));
    }

    @Test
    void aReadBegunBeforeANewerVersionKeepsSeeingItsOwn() throws Exception {
        DatasetGraph dsg = store.dataset();
        Set<String> before = byFunction("");
        Path dir = Files.createDirectories(tmp.resolve("kennel"));
        Files.writeString(dir.resolve("kennel.txt"), "宠物寄养隐私政策\n为{寄养服务}，我们会[收集]您的<宠物照片>。\n", StandardCharsets.UTF_8);
        dsg.begin(ReadWrite.READ);
        try {
            Thread writer = new Thread(() -> {
                Loads.put(store, Loads.sources(dir));
                byFunction(""); // the newer version's table is now the one kept
            });
            writer.start();
            writer.join();
            assertEquals(before, byFunction(""), "the ids of the version this transaction reads");
        } finally {
            dsg.end();
        }
        assertEquals(1, byFunction("FILTER (?id = \"kennel\")").size());
    }

    @Test
    void aWriteTransactionSeesItsOwnChanges() {
        DatasetGraph dsg = store.dataset();
        Node policy = NodeFactory.createURI("urn:example:uncommitted");
        String ofPolicy = "BIND (pkf:policyId(<urn:example:uncommitted>) AS ?id) FILTER (BOUND(?id))";
        dsg.begin(ReadWrite.WRITE);
        try {
            assertEquals(Set.of(), rows(ofPolicy));
            dsg.add(policy, policy, PK.policyId, NodeFactory.createLiteralString("uncommitted"));
            assertEquals(Set.of("policy=null id=\"uncommitted\" node=null practice=null"), rows(ofPolicy));
            // ids written beside privkg (serve --allow-update): the least of several
            dsg.add(policy, policy, PK.policyId, NodeFactory.createLiteralString("zzz"));
            assertEquals(Set.of("policy=null id=\"uncommitted\" node=null practice=null"), rows(ofPolicy));
            dsg.add(policy, policy, PK.policyId, NodeFactory.createLiteralString("also"));
            assertEquals(Set.of("policy=null id=\"also\" node=null practice=null"), rows(ofPolicy));
        } finally {
            dsg.abort();
            dsg.end();
        }
        assertEquals(Set.of(), rows(ofPolicy));
    }

    @Test
    void isNegatedTellsWhatTheStoredTriplesTell() {
        Set<String> negated = practices("FILTER EXISTS { ?practice pk:negated true }");
        assertFalse(negated.isEmpty(), "the bundled policies negate some practices");
        assertEquals(negated, practices("FILTER (pkf:isNegated(?practice))"));
        assertEquals(practices("FILTER NOT EXISTS { ?practice pk:negated true }"), practices("FILTER (!pkf:isNegated(?practice))"));
        assertTrue(practices("FILTER (pkf:isNegated(pk:DataPractice))").isEmpty(), "a node that is no practice is not negated");
    }

    @Test
    void aWriteTransactionSeesItsOwnNegations() {
        DatasetGraph dsg = store.dataset();
        Node graph = NodeFactory.createURI("urn:example:notes");
        Node practice = NodeFactory.createURI("urn:example:notes#practice");
        String isNegated = "BIND (pkf:isNegated(<urn:example:notes#practice>) AS ?practice)";
        dsg.begin(ReadWrite.WRITE);
        try {
            assertEquals(Set.of("policy=null id=null node=null practice=\"false\"^^xsd:boolean"), rows(isNegated));
            dsg.add(graph, practice, PK.negated, NodeValue.TRUE.asNode());
            assertEquals(Set.of("policy=null id=null node=null practice=\"true\"^^xsd:boolean"), rows(isNegated));
        } finally {
            dsg.abort();
            dsg.end();
        }
        assertEquals(Set.of("policy=null id=null node=null practice=\"false\"^^xsd:boolean"), rows(isNegated));
    }
}
