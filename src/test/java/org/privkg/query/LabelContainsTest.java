package org.privkg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;
import org.privkg.fixture.Loads;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;

/** pkf:dataItemLabelContains finds what a scan of the label triples finds, and follows changes to the store. */
class LabelContainsTest {
    private static final String PREFIXES = """
            PREFIX pk:   <https://w3id.org/privkg/ontology#>
            PREFIX pkf:  <https://w3id.org/privkg/function#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    /** The label filter the function stands in for: the label or a policy's spelling of it. */
    private static final String SCAN = PREFIXES + """
            SELECT DISTINCT ?item WHERE {
              ?item a pk:DataType ; rdfs:label ?label ; rdfs:label|pk:spelling ?l .
              FILTER (langMatches(lang(?label), "zh") && langMatches(lang(?l), "zh") && CONTAINS(LCASE(STR(?l)), LCASE("%s")))
            }""";
    private static final String FUNCTION = PREFIXES + "SELECT DISTINCT ?item WHERE { ?item pkf:dataItemLabelContains \"%s\" }";

    @TempDir
    static Path tmp;
    static PolicyStore store;

    @BeforeAll
    static void load() throws IOException {
        store = storeWith(tmp.resolve("db"), Fixtures.POLICIES, Path.of("src", "test", "resources", "unseen"));
        Path pets = Files.createDirectories(tmp.resolve("pets"));
        Files.writeString(pets.resolve("petshop.txt"), """
                宠物店隐私政策
                我们[收集]您的<宠物档案>（包括<宠物品种>）用于{提供服务}。
                我们不会[共享]您的<宠物病历>（包括<宠物疫苗记录>）。
                """, StandardCharsets.UTF_8);
        Loads.load(store, Loads.sources(pets));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** A dataset in db holding the policies of the directories. */
    static PolicyStore storeWith(Path db, Path... dirs) throws IOException {
        PolicyStore opened = PolicyStore.open(db, null);
        Loads.load(opened, Loads.sources(dirs));
        return opened;
    }

    /** The rows a query answers over a store, each as "var=value …" of the given variables. */
    static Set<String> select(PolicyStore store, String query, String... vars) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new HashSet<>();
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                exec.select().forEachRemaining(row -> out.add(
                        Stream.of(vars).map(v -> v + "=" + row.get(v)).collect(Collectors.joining(" "))));
            }
            return out;
        });
    }

    static Set<String> items(String query, String text) {
        return select(store, query.formatted(text), "item");
    }

    @Test
    void findsWhatTheLabelScanFinds() {
        for (String text : List.of("手机号码", "号码", "位置", "IP", "ip", "IP 地址", "android id", "信息", "", "不存在的数据")) {
            assertEquals(items(SCAN, text), items(FUNCTION, text), text);
        }
        assertFalse(items(FUNCTION, "ip").isEmpty(), "IP 地址, ignoring case");
        assertTrue(items(FUNCTION, "IP 地址").contains("item=https://w3id.org/privkg/id/data/IP地址"),
                "the item labelled IP地址, by a policy's spelling IP 地址");
        assertTrue(items(FUNCTION, "").size() > 100, "\"\" is every data item");
    }

    @Test
    void bindsTheLabelOfEachMatchingItem() {
        String withLabels = PREFIXES + "SELECT ?item ?label WHERE { (?item ?label) pkf:dataItemLabelContains \"%s\" }";
        String scan = PREFIXES + """
                SELECT DISTINCT ?item ?label WHERE {
                  ?item a pk:DataType ; rdfs:label ?label ; rdfs:label|pk:spelling ?l .
                  FILTER (langMatches(lang(?label), "zh") && langMatches(lang(?l), "zh") && CONTAINS(LCASE(STR(?l)), LCASE("%s")))
                }""";
        for (String text : List.of("手机号码", "地址", "ip", "ip 地址", "")) {
            assertEquals(select(store, scan.formatted(text), "item", "label"), select(store, withLabels.formatted(text), "item", "label"), text);
        }
        assertTrue(select(store, withLabels.formatted("地址"), "item", "label").stream().anyMatch(p -> p.endsWith("@zh")), "the label keeps its language tag");
    }

    @Test
    void comparePoliciesAnswersAsThePlainQueryDoes() throws IOException {
        NamedQuery bundled = QueryLibrary.find("compare-policies").orElseThrow();
        // the query as written without privkg's functions: labels scanned, ids from the store, NOT EXISTS
        NamedQuery plain = QueryLibrary.fromFile(Path.of("src", "test", "resources", "compare-policies-plain.rq"));
        for (String text : List.of("手机号码", "位置", "账号", "宠物", "")) {
            Map<String, String> p = Map.of("data", text);
            List<String> expected = QueryRunner.run(store.dataset(), plain, p, LabelContainsTest::rows);
            assertFalse(expected.isEmpty(), text);
            assertEquals(expected, QueryRunner.run(store.dataset(), bundled, p, LabelContainsTest::rows), text);
        }
        // petshop.txt: 宠物品种 is handled through 宠物档案, 宠物疫苗记录 only through a negated practice on 宠物病历
        List<String> pets = QueryRunner.run(store.dataset(), bundled, Map.of("data", "宠物"), LabelContainsTest::rows);
        assertTrue(pets.stream().anyMatch(r -> r.contains("宠物品种") && r.contains("petshop")), pets.toString());
        assertTrue(pets.stream().noneMatch(r -> r.contains("宠物疫苗记录") || r.contains("宠物病历")), pets.toString());
    }

    @Test
    void comparePoliciesLeavesOutGraphsThatAreNoPolicy() throws IOException {
        NamedQuery bundled = QueryLibrary.find("compare-policies").orElseThrow();
        NamedQuery plain = QueryLibrary.fromFile(Path.of("src", "test", "resources", "compare-policies-plain.rq"));
        Map<String, String> p = Map.of("data", "宠物品种");
        List<String> before = QueryRunner.run(store.dataset(), bundled, p, LabelContainsTest::rows);
        // a practice in a graph with no pk:policyId, as serve --allow-update can write, is no policy's
        DatasetGraph dsg = store.dataset();
        Node notes = NodeFactory.createURI("urn:example:notes");
        Node practice = NodeFactory.createURI("urn:example:notes#practice");
        Node item = Txn.calculateRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, RDFS.Nodes.label,
                NodeFactory.createLiteralLang("宠物品种", "zh")).next().getSubject());
        dsg.begin(ReadWrite.WRITE);
        try {
            dsg.add(notes, practice, PK.data, item);
            dsg.add(notes, practice, PK.negated, NodeValue.FALSE.asNode());
            List<String> plainRows = QueryRunner.run(dsg, plain, p, LabelContainsTest::rows);
            assertEquals(before, plainRows, "the plain query joins each practice's graph with its policy id");
            assertEquals(plainRows, QueryRunner.run(dsg, bundled, p, LabelContainsTest::rows));
        } finally {
            dsg.abort();
            dsg.end();
        }
    }

    @Test
    void seesPoliciesStoredAfterItsTableWasBuilt() throws IOException {
        assertTrue(items(FUNCTION, "宠物芯片").isEmpty());
        Path dir = Files.createDirectories(tmp.resolve("later"));
        Files.writeString(dir.resolve("pets.txt"), "宠物医院隐私政策\n为{预约诊疗}，我们会[收集]您的<宠物芯片编号>。\n",
                StandardCharsets.UTF_8);
        Loads.put(store, Loads.sources(dir));
        assertEquals(1, items(FUNCTION, "宠物芯片").size());
        assertEquals(items(SCAN, "编号"), items(FUNCTION, "编号"));
    }

    @Test
    void needsTextAsItsObject() {
        String unbound = PREFIXES + "SELECT ?item WHERE { ?item pkf:dataItemLabelContains ?text }";
        assertThrows(QueryExecException.class, () -> items(unbound, ""));
        String threeTerms = PREFIXES + "SELECT ?item WHERE { (?item ?label ?more) pkf:dataItemLabelContains \"%s\" }";
        assertThrows(QueryBuildException.class, () -> items(threeTerms, "手机"));
    }

    private static List<String> rows(QueryExec exec) {
        List<String> out = new ArrayList<>();
        exec.select().forEachRemaining(row -> out.add(row.toString()));
        return out;
    }
}
