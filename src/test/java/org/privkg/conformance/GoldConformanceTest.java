package org.privkg.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.privkg.conformance.GoldScorer.Gold;
import org.privkg.conformance.GoldScorer.Result;
import org.privkg.conformance.GoldScorer.Score;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;

/**
 * Runs the real pipeline (read, extract, write RDF) in memory on every policy that has a gold file
 * and scores it with {@link GoldScorer}, the Java port of the reference gold scorer (score.py):
 * {@code src/test/resources/gold/NAME.json} against {@code src/test/resources/policies/NAME.txt}, and
 * {@code NAME.json} in each held-out batch ({@code src/test/resources/unseen}, {@code unseen2} … {@code unseen4}) against {@code NAME.txt} beside it.
 */
class GoldConformanceTest {
    /** F1 floor for ad, dp and xd on the policies the extractor was developed against. */
    static final double CORE_SEEN = 0.95;
    /** F1 floor for ad, dp and xd on the unseen policies. */
    static final double CORE_UNSEEN = 0.90;
    /** F1 floor for every other metric that has a score (recipient, source, storage, negation …). */
    static final double OTHER = 0.80;
    /**
     * The same on unseen policies: their gold was written by readers who go beyond docs/annotating.md in places
     * (unmarked parties, purposes carried across sentences), so these metrics vary more there.
     */
    static final double OTHER_UNSEEN = 0.60;
    static final List<String> CORE = List.of("ad", "dp", "xd");
    /**
     * Negation floor on the second unseen batch, whose policies state conditions (未经您的同意…不会,
     * 除非…否则) and exceptions (但以下情形除外) that read as negations unless the rules know them.
     */
    static final double NEGATION_UNSEEN2 = 0.90;

    static Path basedir() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    /** (display name, gold file, policy text, ad/dp/xd floor) for each gold file. */
    static Stream<Arguments> goldPolicies() throws IOException {
        Path base = basedir();
        List<Arguments> out = new ArrayList<>();
        for (Path gold : jsonFiles(base.resolve(Fixtures.GOLD))) {
            String name = stem(gold);
            out.add(Arguments.of(name, gold, base.resolve(Fixtures.POLICIES.toString()).resolve(name + ".txt"), CORE_SEEN));
        }
        for (Path gold : jsonFiles(base.resolve("src/test/resources/unseen"))) {
            String name = stem(gold);
            out.add(Arguments.of("unseen/" + name, gold, gold.resolveSibling(name + ".txt"), CORE_UNSEEN));
        }
        for (Path gold : jsonFiles(base.resolve("src/test/resources/unseen2"))) {
            String name = stem(gold);
            out.add(Arguments.of("unseen2/" + name, gold, gold.resolveSibling(name + ".txt"), CORE_UNSEEN));
        }
        for (Path gold : jsonFiles(base.resolve("src/test/resources/unseen3"))) {
            String name = stem(gold);
            out.add(Arguments.of("unseen3/" + name, gold, gold.resolveSibling(name + ".txt"), CORE_UNSEEN));
        }
        for (Path gold : jsonFiles(base.resolve("src/test/resources/unseen4"))) {
            String name = stem(gold);
            out.add(Arguments.of("unseen4/" + name, gold, gold.resolveSibling(name + ".txt"), CORE_UNSEEN));
        }
        if (out.isEmpty()) fail("no gold files under " + base);
        return out.stream();
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.substring(0, n.length() - ".json".length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldPolicies")
    void policyMeetsGold(String name, Path goldFile, Path text, double coreFloor) throws IOException {
        assertTrue(Files.isRegularFile(text), "no policy text for gold file " + goldFile + ": " + text);
        PolicyReader.Outcome outcome = new PolicyReader().read(PolicySource.of(text, null));
        ExtractedPolicy policy = outcome.policy()
                .orElseThrow(() -> new AssertionError(text + " did not read: " + outcome.diagnostics()));
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        new PolicyGraphWriter(new Iris(null)).write(policy, StreamRDFLib.dataset(dsg));

        Gold gold = Gold.read(goldFile);
        Result r = GoldScorer.score(dsg, gold);
        System.out.println(r.summaryLine());

        assertTrue(r.found(), "policy " + gold.policy() + " not found in the output of " + text);
        List<Executable> checks = new ArrayList<>();
        for (String k : GoldScorer.METRICS) {
            Double f = r.f1(k);
            boolean core = CORE.contains(k);
            double floor = core ? coreFloor : coreFloor == CORE_SEEN ? OTHER : OTHER_UNSEEN;
            if (k.equals("neg") && name.startsWith("unseen2/")) floor = NEGATION_UNSEEN2;
            double least = floor;
            if (!core && f == null) continue;
            // batches 3 and 4 came after the rules: their core pairs are held to the floor, their other metrics only reported
            if (!core && (name.startsWith("unseen3/") || name.startsWith("unseen4/"))) continue;
            Score s = r.score(k);
            checks.add(() -> assertTrue(f != null && f >= least, () -> String.format(
                    "%s: %s F1=%s < %.2f (tpGold/nGold=%d/%d tpOut/nOut=%d/%d)",
                    name, k, f == null ? "n/a" : GoldScorer.fmt2(f), least, s.tpGold(), s.nGold(), s.tpOut(), s.nOut())));
        }
        assertAll(name, checks);
    }

    // ------------------------------------------------------------------ the port itself

    /** Two practices (one negated), one broader edge; every number below worked out by hand from score.py. */
    static final String TINY_TRIG = """
            @prefix pk:   <https://w3id.org/privkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .

            <https://example.org/id/policy/tiny> {
              <https://example.org/id/policy/tiny> a pk:Policy ;
                  pk:declaresSensitive <https://example.org/id/data/phone> .
              <https://example.org/id/policy/tiny/first-party> a pk:FirstParty ; rdfs:label "示例公司"@zh .
              <https://example.org/id/policy/tiny/practice/1> a pk:DataPractice ;
                  pk:inPolicy <https://example.org/id/policy/tiny> ;
                  pk:action pk:Collect ;
                  pk:actor <https://example.org/id/policy/tiny/first-party> ;
                  pk:data <https://example.org/id/data/phone> , <https://example.org/id/data/email> ;
                  pk:purpose <https://example.org/id/policy/tiny/purpose/login> ;
                  pk:recipient <https://example.org/id/party/sms> , <https://example.org/id/party/data-subject> ;
                  pk:requiresConsent true ;
                  pk:negated false .
              <https://example.org/id/policy/tiny/practice/2> a pk:DataPractice ;
                  pk:inPolicy <https://example.org/id/policy/tiny> ;
                  pk:action pk:Share ;
                  pk:actor <https://example.org/id/policy/tiny/first-party> ;
                  pk:data <https://example.org/id/data/location> ;
                  pk:requiresConsent true ;
                  pk:negated true .
              <https://example.org/id/data/phone> a pk:DataType ; rdfs:label "手机 号码"@zh .
              <https://example.org/id/data/email> a pk:DataType ; rdfs:label "电子邮箱"@zh .
              <https://example.org/id/data/location> a pk:DataType ; rdfs:label "位置信息"@zh .
              <https://example.org/id/data/contact> a pk:DataType ; rdfs:label "联系方式"@zh .
              <https://example.org/id/data/phone> skos:broader <https://example.org/id/data/contact> .
              <https://example.org/id/party/sms> a pk:ThirdParty ; rdfs:label "ＳＭＳ服务商"@zh .
              <https://example.org/id/party/data-subject> a pk:DataSubject ;
                  rdfs:label "data subject"@en , "用户"@zh .
              <https://example.org/id/policy/tiny/purpose/login> a pk:Purpose ; rdfs:label "登录"@zh .
            }
            """;

    static final String TINY_GOLD = """
            {
              "policy": "tiny",
              "practices": [
                {"action": "Collect|Obtain", "actor": "first-party", "data": ["手机号码"], "dataOptional": ["电子邮箱"],
                 "purposes": ["登录"], "recipient": "短信服务商|SMS服务商", "requiresConsent": true},
                {"action": "Store", "actor": "云服务商", "data": ["手机号码"], "purposes": ["保障安全"], "storedIn": "服务器"}
              ],
              "inferred": [{"data": ["设备型号"], "purposes": []}],
              "negated": [{"action": "Share", "data": ["位置\u3000信息"]}],
              "ancestor": [["手机号码", "通讯信息|联系方式"], ["电子邮箱", "联系方式"]],
              "sensitive": ["手机号码", "身份证号码"]
            }
            """;

    static DatasetGraph trig(String s) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(s, Lang.TRIG).parse(dsg);
        return dsg;
    }

    /*
     * Output facts of TINY_TRIG (labels normalised: "手机 号码" → 手机号码, "ＳＭＳ服务商" → SMS服务商):
     *   ad        (Collect,手机号码) (Collect,电子邮箱)            — practice 2 is negated, so no (Share,位置信息)
     *   dp        (手机号码,登录) (电子邮箱,登录)
     *   xd        (first-party,手机号码) (first-party,电子邮箱)
     *   neg       (Share,位置信息)
     *   recipient (手机号码,SMS服务商) (电子邮箱,SMS服务商)          — the data subject is not a recipient
     *   consent   (Collect,手机号码) (Collect,电子邮箱)            — practice 2's consent does not count: negated
     *   sensitive 手机号码;  broader (手机号码,联系方式);  source, storage: none
     * Gold facts of TINY_GOLD:
     *   ad   G (Collect|Obtain,手机号码) (Store,手机号码)   OPT (Collect|Obtain,电子邮箱) (*,设备型号)
     *   dp   G (手机号码,登录) (手机号码,保障安全)            OPT (电子邮箱,登录)
     *   xd   G (first-party,手机号码) (云服务商,手机号码) (first-party,设备型号)   OPT (first-party,电子邮箱)
     *   neg  G (Share,位置信息)      recipient G (手机号码,短信服务商|SMS服务商) OPT (电子邮箱,…)
     *   storage G (手机号码,服务器)  consent G (Collect|Obtain,手机号码) OPT (Collect|Obtain,电子邮箱)
     *   sensitive G {手机号码,身份证号码}   ancestor (手机号码,{通讯信息,联系方式}) (电子邮箱,{联系方式})
     */
    /** A gold purpose may hold alternatives, like every other pair's second item. */
    @Test
    void dataPurposePairsTakeAlternatives() throws IOException {
        Gold gold = Gold.parse("""
                {"policy": "tiny", "practices": [
                  {"action": "Collect", "actor": "first-party", "data": ["手机号码"], "purposes": ["用户登录|登录"]}]}
                """);
        Score dp = GoldScorer.score(trig(TINY_TRIG), gold).scores().get("dp");
        assertEquals(1, dp.tpGold(), "(手机号码, 登录) matches (手机号码, 用户登录|登录): " + dp);
    }

    @Test
    void scorerFollowsScorePyOnATinyExample() throws IOException {
        Result r = GoldScorer.score(trig(TINY_TRIG), Gold.parse(TINY_GOLD));
        assertTrue(r.found());
        assertEquals(2, r.practices());
        Map<String, Score> expected = Map.of(
                "ad", new Score(1, 2, 2, 2),        // (Store,手机号码) missed; 电子邮箱 is optional
                "dp", new Score(1, 2, 2, 2),
                "xd", new Score(1, 3, 2, 2),
                "neg", new Score(1, 1, 1, 1),       // 位置\u3000信息 normalises to 位置信息
                "recipient", new Score(1, 1, 2, 2), // alternatives, NFKC on the output label
                "source", new Score(0, 0, 0, 0),
                "storage", new Score(0, 1, 0, 0),
                "consent", new Score(1, 1, 2, 2),
                "sensitive", new Score(1, 2, 1, 1),
                "hierarchy", new Score(1, 2, 1, 1)); // 电子邮箱 has no broader edge
        for (String k : GoldScorer.METRICS) assertEquals(expected.get(k), r.score(k), k);

        assertEquals(1.0, r.prf("ad").p());
        assertEquals(0.5, r.prf("ad").r());
        assertEquals(2.0 / 3.0, r.f1("ad"), 1e-15);
        assertEquals(0.5, r.f1("xd"));                      // P 1, R 1/3
        assertEquals(new GoldScorer.Prf(null, null, null), r.prf("source"));
        assertEquals(new GoldScorer.Prf(null, 0.0, 0.0), r.prf("storage"));
        assertEquals("tiny: found=True practices=2 ad=0.67 dp=0.67 xd=0.50 neg=1.00 recipient=1.00 source=n/a "
                + "storage=0.00 consent=1.00 sensitive=0.67 hierarchy=0.67", r.summaryLine());
    }

    static final String HIERARCHY_TRIG = """
            @prefix pk:   <https://w3id.org/privkg/ontology#> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            @prefix d:    <https://example.org/id/data/> .

            <https://example.org/id/policy/h> {
              <https://example.org/id/policy/h> a pk:Policy .
              d:a a pk:DataType ; rdfs:label "A"@zh .
              d:b a pk:DataType ; rdfs:label "B"@zh .
              d:c a pk:DataType ; rdfs:label "C"@zh .
              d:d a pk:DataType ; rdfs:label "D"@zh .
              d:x rdfs:label "X"@zh .
              d:a skos:broader d:c .
              d:b skos:broader d:c .
              d:c skos:broader d:d .
              d:x skos:broader d:c .
            }
            <https://example.org/id/policy/other> {
              d:z a pk:DataType ; rdfs:label "Z"@zh .
              d:a skos:broader d:z .
            }
            """;

    /*
     * Output edges: (A,C) (B,C) (C,D); X→C is dropped (X is no pk:DataType) and A→Z is in another graph.
     * Output closure A→{C,D} B→{C,D} C→{D}: gold (B,C) and, through C, (B,D) are found; (A,B) and (A,Z) are not.
     * Gold closure A→{B,C,D,Z} B→{C,D}: output (A,C) is right only through A→B→C, (B,C) directly, (C,D) is wrong.
     * With the policy's triples in the default graph instead, its own graph is empty and the whole union
     * counts: A→Z joins the output, found by gold (A,Z) and right against it.
     */
    @Test
    void hierarchyUsesClosuresAndThePolicysOwnGraph() throws IOException {
        Gold gold = Gold.parse("{\"policy\": \"h\", \"ancestor\": [[\"A\", \"B\"], [\"B\", \"C\"], [\"A\", \"Z\"], [\"B\", \"D\"]]}");
        Result r = GoldScorer.score(trig(HIERARCHY_TRIG), gold);
        assertEquals(new Score(2, 4, 2, 3), r.score("hierarchy"));
        assertEquals(4.0 / 7.0, r.f1("hierarchy"), 1e-15);
        for (String k : GoldScorer.METRICS) {
            if (!k.equals("hierarchy")) assertNull(r.f1(k), k);
        }

        String inDefaultGraph = HIERARCHY_TRIG.replace("<https://example.org/id/policy/h> {\n", "{\n");
        Result fallback = GoldScorer.score(trig(inDefaultGraph), gold);
        assertEquals(new Score(3, 4, 3, 4), fallback.score("hierarchy"));
    }

    @Test
    void unknownPolicyScoresAsEmptyOutput() throws IOException {
        Result r = GoldScorer.score(trig(TINY_TRIG), Gold.parse(TINY_GOLD.replace("\"tiny\"", "\"other\"")));
        assertFalse(r.found());
        assertEquals(0, r.practices());
        assertEquals(new Score(0, 2, 0, 0), r.score("ad"));
        assertEquals(0.0, r.f1("ad"));
        assertNull(r.f1("source"));
    }

    @Test
    void normAndPrfFollowPython() {
        // NFKC, then every character Python's \s matches (incl. NBSP, U+3000, U+0085) removed
        assertEquals("SMS服务商", GoldScorer.norm("ＳＭＳ\u00a0服务\u3000商\u0085\n"));
        assertEquals(java.util.Set.of("a", "", "b"), GoldScorer.alts("a||b"));
        assertEquals(java.util.Set.of("a", ""), GoldScorer.alts("a|"));
        assertEquals(new GoldScorer.Prf(null, null, null), GoldScorer.prf(new Score(0, 0, 0, 0)));
        assertEquals(new GoldScorer.Prf(0.5, null, 0.0), GoldScorer.prf(new Score(0, 0, 1, 2)));
        assertEquals(new GoldScorer.Prf(0.0, 0.0, 0.0), GoldScorer.prf(new Score(0, 3, 0, 2)));
        // Python's :.2f rounds the binary value half to even: 0.125 → 0.12, 0.375 → 0.38, 0.745 → 0.74
        assertEquals("0.12", GoldScorer.fmt2(0.125));
        assertEquals("0.38", GoldScorer.fmt2(0.375));
        assertEquals("0.74", GoldScorer.fmt2(0.745));
        assertEquals("1.00", GoldScorer.fmt2(1.0));
    }
}
