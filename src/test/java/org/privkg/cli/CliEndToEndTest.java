package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

/** The command line end to end, on a temporary dataset, as a user would run it. */
class CliEndToEndTest {
    static final Path POLICIES = Fixtures.POLICIES;

    @TempDir
    Path tmp;
    Path db;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void loadTheBundledPolicies() {
        db = tmp.resolve("db");
        CliRunner r = CliRunner.run("load", "--db", db.toString(), POLICIES.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("loaded 4 policies"), r.err());
    }

    /** The dataset's quads as sorted N-Quads lines: equal lists mean equal stores. */
    List<String> snapshot() {
        CliRunner r = CliRunner.run("export", "--db", db.toString(), "--format", "nq");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        Arrays.sort(lines);
        return List.of(lines);
    }

    @Test
    void reloadingAPolicyChangesNothing() {
        List<String> before = snapshot();
        assertEquals(0, CliRunner.run("load", "--db", db.toString(), POLICIES.resolve("gome.txt").toString()).exit());
        assertEquals(before, snapshot());
    }

    @Test
    void aRejectedFileLeavesTheStoreAsItWas() throws IOException {
        List<String> before = snapshot();
        Path bad = tmp.resolve("gome.txt");
        Files.writeString(bad, "为{提供服务}，\n我们会[收集<手机号码>。\n还有>一个\n");
        CliRunner r = CliRunner.run("load", "--db", db.toString(), bad.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(bad + ":2:4: error: unclosed mark"), r.err());
        assertTrue(r.err().contains(bad + ":3:3: error: unopened mark"), r.err());
        assertTrue(r.err().contains("rejected; nothing of it was stored"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(before, snapshot());
    }

    @Test
    void lenientKeepsTheRestOfABadFile() throws IOException {
        Path bad = tmp.resolve("lenient.txt");
        Files.writeString(bad, "我们会[收集<手机号码>，并[使用]<邮箱>。\n");
        CliRunner r = CliRunner.run("load", "--db", db.toString(), "--lenient", bad.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(bad + ":1:4: warning: unclosed mark"), r.err());
        CliRunner q = CliRunner.run("query", "--db", db.toString(), "evidence", "--param", "policy=lenient", "--format", "csv");
        assertTrue(q.out().contains("邮箱"), q.out());
    }

    @Test
    void gb18030NeedsTheEncodingOption() throws IOException {
        Path gbk = tmp.resolve("gbk.txt");
        Files.write(gbk, "我们会[收集]您的<手机号码>。".getBytes("GB18030"));
        CliRunner r = CliRunner.run("load", "--db", db.toString(), gbk.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(gbk + ":1:1: error:") && r.err().contains("--encoding GB18030"), r.err());
        assertEquals(0, CliRunner.run("load", "--db", db.toString(), "--encoding", "GB18030", gbk.toString()).exit());
    }

    @Test
    void whoCollectsWhatAnswersFromTheStore() {
        CliRunner r = CliRunner.run("query", "--db", db.toString(), "who-collects-what", "--format", "csv", "--param", "policy=gome");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("手机号码"), r.out());
        assertTrue(r.out().lines().skip(1).allMatch(l -> l.startsWith("gome,")), r.out());
    }

    @Test
    void partsOfACollectedItemCountAsCollectedWithThePurposesOfEveryPractice() {
        CliRunner r = CliRunner.run("query", "--db", db.toString(), "who-collects-what", "--format", "csv", "--param", "policy=gome");
        // gome writes <IP 地址>; the item's one label, shared by every policy, is IP地址 (docs/annotating.md)
        String ipRow = r.out().lines().filter(l -> l.startsWith("gome,gome,collect,IP地址,")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(ipRow.contains("设备信息") && ipRow.contains("提供更契合您需求的页面展示"), ipRow);
    }

    @Test
    void aRowWithoutSomeOptionalLabelStillListsTheOthers() {
        // Jena's GROUP_CONCAT gives nothing when one grouped value is unbound; the queries guard against it
        CliRunner r = CliRunner.run("query", "--db", db.toString(), "pipl-gaps", "--format", "csv", "--param", "policy=finance");
        assertTrue(r.out().lines().anyMatch(l -> l.contains(",银行卡卡号,") && l.contains("发卡银行")), r.out());
    }

    @Test
    void theTableFormatIsReadable() {
        CliRunner r = CliRunner.run("query", "--db", db.toString(), "who-collects-what");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("手机号码") && r.out().contains(" rows)"), r.out());
        assertFalse(r.out().contains("\"@zh"), r.out());
    }

    @Test
    void parametersAreCheckedAndNeverPastedIntoTheQuery() {
        CliRunner unknown = CliRunner.run("query", "--db", db.toString(), "who-collects-what", "--param", "nosuch=1");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("has no parameter 'nosuch'"), unknown.err());
        CliRunner injection = CliRunner.run("query", "--db", db.toString(), "data-for-purpose", "--format", "csv",
                "--param", "purpose=服务\" || true || \"");
        assertEquals(0, injection.exit(), injection.err());
        assertEquals(1, injection.out().lines().count(), "only the header: " + injection.out());
        // as a policy id, the same text is no stored policy: an error, not an empty answer
        CliRunner asId = CliRunner.run("query", "--db", db.toString(), "who-collects-what", "--param", "policy=gome\" || true || \"");
        assertEquals(2, asId.exit());
        assertTrue(asId.err().contains("no policy 'gome\" || true || \"'"), asId.err());
    }

    @Test
    void everyBundledQueryRuns() {
        CliRunner list = CliRunner.run("queries");
        assertEquals(0, list.exit());
        for (String name : List.of("who-collects-what", "data-for-purpose", "third-party-flows", "sensitive-data",
                "consent-required", "negated-practices", "evidence", "compare-policies")) {
            assertTrue(list.out().contains(name), list.out());
            CliRunner r = CliRunner.run("query", "--db", db.toString(), name, "--format", "json");
            assertEquals(0, r.exit(), name + ": " + r.err());
            assertTrue(r.out().contains("\"bindings\""), name);
        }
    }

    @Test
    void exportsParseBackWithJena() {
        DatasetGraph stored = parse(CliRunner.run("export", "--db", db.toString(), "--format", "nq").out(), Lang.NQUADS);
        for (String[] f : new String[][] {{"trig", "TRIG"}, {"jsonld", "JSONLD"}}) {
            CliRunner r = CliRunner.run("export", "--db", db.toString(), "--format", f[0]);
            assertEquals(0, r.exit(), r.err());
            DatasetGraph back = parse(r.out(), org.apache.jena.riot.RDFLanguages.nameToLang(f[1]));
            assertEquals(stored.stream().count(), back.stream().count(), f[0]);
            for (var g : (Iterable<org.apache.jena.graph.Node>) () -> stored.listGraphNodes()) {
                assertTrue(stored.getGraph(g).isIsomorphicWith(back.getGraph(g)), f[0] + " graph " + g);
            }
        }
        CliRunner ttl = CliRunner.run("export", "--db", db.toString(), "--format", "ttl", "--policy", "gome");
        assertEquals(0, ttl.exit(), ttl.err());
        assertTrue(parse(ttl.out(), Lang.TURTLE).getDefaultGraph().size() > 100);
        CliRunner missing = CliRunner.run("export", "--db", db.toString(), "--format", "ttl", "--policy", "nosuch");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("stored: finance, game, gome, health"), missing.err());
    }

    @Test
    void statsCountsWhatWasLoaded() {
        CliRunner r = CliRunner.run("stats", "--db", db.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("policies    4"), r.out());
    }

    @Test
    void extractReplacesItsOutputFileWhole() throws java.io.IOException {
        Path out = tmp.resolve("out.ttl");
        java.nio.file.Files.writeString(out, "old");
        CliRunner r = CliRunner.run("extract", "--format", "ttl", "-o", out.toString(), Fixtures.policy("gome").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(java.nio.file.Files.readString(out).startsWith("PREFIX"));
        try (var files = java.nio.file.Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no partial file left");
        }
        CliRunner nowhere = CliRunner.run("extract", "--format", "nq", "-o", tmp.resolve("no/such/dir/out.nq").toString(), Fixtures.policy("gome").toString());
        assertEquals(1, nowhere.exit());
        assertTrue(nowhere.err().contains("does not exist; create it or choose another --output"), nowhere.err());
    }

    @Test
    void extractReadsStandardInput() {
        CliRunner r = CliRunner.withStdin("为{注册}，我们会[收集]<手机号码>。", "extract", "-", "--id", "mini", "--format", "ttl");
        assertEquals(0, r.exit(), r.err());
        var g = parse(r.out(), Lang.TURTLE).getDefaultGraph();
        assertTrue(r.out().contains("policy:mini"), r.out());
        assertTrue(g.size() > 10);
    }

    @Test
    void badUsageExitsTwoWithoutAStackTrace() {
        CliRunner r = CliRunner.run("load", "--nosuch", "x.txt");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option") && !r.err().contains("at org."), r.err());
        CliRunner missingDb = CliRunner.run("query", "--db", tmp.resolve("none").toString(), "who-collects-what");
        assertEquals(1, missingDb.exit());
        assertTrue(missingDb.err().contains("no dataset at"), missingDb.err());
        CliRunner badFormat = CliRunner.run("export", "--db", db.toString(), "--format", "xml");
        assertEquals(2, badFormat.exit());
    }

    static DatasetGraph parse(String text, Lang lang) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(text, lang).parse(dsg);
        return dsg;
    }
}
