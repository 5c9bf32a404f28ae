package org.privkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/** pkf:policyId answers what pk:policyId answers, and follows changes to the store. */
class PolicyIdOfTest {
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

    static Set<String> rows(String where) {
        return LabelContainsTest.select(store, PREFIXES + "SELECT * WHERE { " + where + " }", "policy", "id", "practice");
    }

    @Test
    void answersWhatTheStoredTriplesAnswer() {
        Set<String> stored = rows("?policy pk:policyId ?id");
        assertTrue(stored.size() >= 2, "the bundled policies");
        assertEquals(stored, rows("?policy pkf:policyId ?id"));
        assertEquals(rows("?policy pk:policyId ?id FILTER (?id = \"gome\")"), rows("?policy pkf:policyId \"gome\" BIND (\"gome\" AS ?id)"));
        assertEquals(rows("?policy pk:policyId \"gome\" ; pk:policyId ?id"), rows("?policy pk:policyId \"gome\" . ?policy pkf:policyId ?id"));
    }

    @Test
    void aNodeThatIsNoPolicyHasNoId() {
        assertEquals(Set.of(), rows("?practice a pk:DataPractice . ?practice pkf:policyId ?id"));
        assertEquals(Set.of(), rows("?policy pkf:policyId \"no-such-policy\""));
    }

    @Test
    void seesPoliciesStoredAfterItsTableWasBuilt() throws IOException {
        assertEquals(Set.of(), rows("?policy pkf:policyId \"pets\""));
        Path dir = Files.createDirectories(tmp.resolve("later"));
        Files.writeString(dir.resolve("pets.txt"), "宠物医院隐私政策\n为{预约诊疗}，我们会[收集]您的<宠物芯片编号>。\n", StandardCharsets.UTF_8);
        store.replace(LabelContainsTest.policies(dir));
        assertEquals(1, rows("?policy pkf:policyId \"pets\"").size());
        assertEquals(rows("?policy pk:policyId ?id"), rows("?policy pkf:policyId ?id"));
    }

    @Test
    void aReadBegunBeforeANewerVersionKeepsSeeingItsOwn() throws Exception {
        DatasetGraph dsg = store.dataset();
        Set<String> before = rows("?policy pkf:policyId ?id");
        Path dir = Files.createDirectories(tmp.resolve("kennel"));
        Files.writeString(dir.resolve("kennel.txt"), "宠物寄养隐私政策\n为{寄养服务}，我们会[收集]您的<宠物照片>。\n", StandardCharsets.UTF_8);
        dsg.begin(ReadWrite.READ);
        try {
            Thread writer = new Thread(() -> {
                try {
                    store.replace(LabelContainsTest.policies(dir));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                rows("?policy pkf:policyId ?id"); // the newer version's table is now the one kept
            });
            writer.start();
            writer.join();
            assertEquals(before, rows("?policy pkf:policyId ?id"), "the ids of the version this transaction reads");
            assertEquals(Set.of(), rows("?policy pkf:policyId \"kennel\""));
        } finally {
            dsg.end();
        }
        assertEquals(1, rows("?policy pkf:policyId \"kennel\"").size());
    }

    @Test
    void aWriteTransactionSeesItsOwnChanges() {
        DatasetGraph dsg = store.dataset();
        Node policy = NodeFactory.createURI("urn:example:uncommitted");
        dsg.begin(ReadWrite.WRITE);
        try {
            assertEquals(Set.of(), rows("?policy pkf:policyId \"uncommitted\""));
            dsg.add(policy, policy, PK.policyId, NodeFactory.createLiteralString("uncommitted"));
            assertEquals(1, rows("?policy pkf:policyId \"uncommitted\"").size());
        } finally {
            dsg.abort();
            dsg.end();
        }
        assertEquals(Set.of(), rows("?policy pkf:policyId \"uncommitted\""));
    }
}
