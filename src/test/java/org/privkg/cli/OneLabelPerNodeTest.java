package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.vocab.PK;

/**
 * Two policies spell the same data item and the same party differently (IP 地址 / IP地址, Bugly SDK /
 * BuglySDK): one node each, with one rdfs:label in the whole store whatever was loaded first, each policy's
 * own spelling kept in its graph (pk:spelling), and the bundled queries find the node by either spelling.
 */
class OneLabelPerNodeTest {
    private static final String ID = "https://w3id.org/privkg/id/";
    private static final Node IP = NodeFactory.createURI(ID + "data/IP地址");
    private static final Node BUGLY = NodeFactory.createURI(ID + "party/BuglySDK");

    @TempDir
    static Path tmp;
    static String spaced;
    static String joined;
    /** A store loaded spaced first, and one loaded joined first. */
    static String spacedFirst;
    static String joinedFirst;

    @BeforeAll
    static void load() throws Exception {
        spaced = Files.writeString(tmp.resolve("spaced.txt"),
                "甲公司隐私政策\n我们会[收集]您的<IP 地址>，并与(Bugly SDK)[共享]您的<IP 地址>。\n").toString();
        joined = Files.writeString(tmp.resolve("joined.txt"),
                "乙公司隐私政策\n我们会[收集]您的<IP地址>，并与(BuglySDK)[共享]您的<IP地址>。\n").toString();
        spacedFirst = tmp.resolve("spaced-first").toString();
        joinedFirst = tmp.resolve("joined-first").toString();
        for (String[] order : new String[][] {{spacedFirst, spaced, joined}, {joinedFirst, joined, spaced}}) {
            for (String file : List.of(order[1], order[2])) {
                CliRunner r = CliRunner.run("load", "--db", order[0], file);
                assertEquals(0, r.exit(), r.err());
            }
        }
    }

    static byte[] export(String db, String format) {
        CliRunner r = CliRunner.run("export", "--db", db, "--format", format);
        assertEquals(0, r.exit(), r.err());
        return r.outBytes();
    }

    static DatasetGraph exported(String db) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(export(db, "nq"))).lang(Lang.NQUADS).parse(dsg);
        return dsg;
    }

    static Set<String> objects(Graph g, Node s, Node p) {
        return g.find(s, p, Node.ANY).mapWith(t -> t.getObject().toString()).toSet().stream().collect(Collectors.toCollection(TreeSet::new));
    }

    static Graph policyGraph(DatasetGraph dsg, String id) {
        return dsg.getGraph(NodeFactory.createURI(ID + "policy/" + id));
    }

    @Test
    void theUnionHoldsOneLabelPerSharedNode() {
        Graph union = exported(spacedFirst).getUnionGraph();
        assertEquals(Set.of("\"IP地址\"@zh"), objects(union, IP, RDFS.label.asNode()));
        assertEquals(Set.of("\"BuglySDK\"@zh"), objects(union, BUGLY, RDFS.label.asNode()));
    }

    @Test
    void eachPolicyGraphKeepsItsOwnSpelling() {
        DatasetGraph dsg = exported(joinedFirst);
        assertEquals(Set.of("\"IP 地址\"@zh"), objects(policyGraph(dsg, "spaced"), IP, PK.spelling));
        assertEquals(Set.of("\"Bugly SDK\"@zh"), objects(policyGraph(dsg, "spaced"), BUGLY, PK.spelling));
        // spelled as the label: nothing to keep
        assertEquals(Set.of(), objects(policyGraph(dsg, "joined"), IP, PK.spelling));
        assertEquals(Set.of(), objects(policyGraph(dsg, "joined"), BUGLY, PK.spelling));
    }

    @Test
    void theLoadOrderDoesNotShowInTheExport() {
        for (String format : List.of("nq", "ttl", "csv")) {
            assertArrayEquals(export(spacedFirst, format), export(joinedFirst, format), format);
        }
    }

    @Test
    void reloadingOnePolicyLeavesTheOthersAnswers() throws Exception {
        String db = tmp.resolve("reloaded").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, spaced, joined).exit());
        List<String> before = rows(CliRunner.queryCsv(db, "evidence", "policy=joined"));
        assertEquals(0, CliRunner.run("load", "--db", db, spaced).exit());
        assertEquals(before, rows(CliRunner.queryCsv(db, "evidence", "policy=joined")));
        assertArrayEquals(export(spacedFirst, "nq"), export(db, "nq"));
    }

    @Test
    void evidenceFindsTheItemByEitherSpelling() throws Exception {
        for (String text : List.of("IP 地址", "IP地址", "ip 地")) {
            Set<String> policies = CliRunner.queryCsv(spacedFirst, "evidence", "data=" + text).stream()
                    .map(r -> r.get("policyId") + ": " + r.get("dataItems")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("joined: IP地址", "spaced: IP地址"), policies, text);
        }
    }

    @Test
    void comparePoliciesFindsTheItemByEitherSpelling() throws Exception {
        for (String text : List.of("IP 地址", "IP地址")) {
            List<CSVRecord> rows = CliRunner.queryCsv(joinedFirst, "compare-policies", "data=" + text);
            assertEquals(1, rows.size(), text + ": " + rows);
            assertEquals("IP地址", rows.get(0).get("dataItem"));
            assertEquals("2", rows.get(0).get("policyCount"));
        }
    }

    @Test
    void thirdPartyFlowsFindThePartyByEitherSpelling() throws Exception {
        for (String text : List.of("Bugly SDK", "BuglySDK")) {
            Set<String> flows = CliRunner.queryCsv(spacedFirst, "third-party-flows", "party=" + text).stream()
                    .map(r -> r.get("policyId") + ": " + r.get("partyName")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of("joined: BuglySDK", "spaced: BuglySDK"), flows, text);
        }
    }

    @Test
    void thePracticeTableNamesWhatEachPolicyWrote() {
        String csv = new String(export(spacedFirst, "csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("spaced,") && l.contains("IP 地址") && l.contains("Bugly SDK")), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("joined,") && l.contains("IP地址") && l.contains("BuglySDK")), csv);
    }

    private static List<String> rows(List<CSVRecord> records) {
        return records.stream().map(r -> String.join("|", r.values())).toList();
    }
}
