package org.privkg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privkg.annotation.Labels;
import org.privkg.extract.Broader;
import org.privkg.extract.DataPractice;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;

/**
 * DPV alignment of data items and purposes, measured against hand-checked expectation tables
 * (src/test/resources/dpv/expected-*.tsv): precision (every concept given is one a careful reader
 * accepts), coverage (share of items that get a concept), and that every DPV IRI the project uses exists
 * in DPV 2.3 (src/test/resources/dpv/*.ttl).
 */
class DpvAlignmentTest {
    /** One row of an expectation table. */
    record Expectation(String group, String label, Set<String> accepted, boolean noneAccepted) {
    }

    /** What the matcher gave for one table, by group. */
    record Score(int items, int covered, int coveredCorrectly, int concepts, int correctConcepts, List<String> wrong) {
        double coverage() {
            return items == 0 ? 1 : (double) covered / items;
        }

        double precision() {
            return concepts == 0 ? 1 : (double) correctConcepts / concepts;
        }
    }

    static Set<String> dpvTerms;
    static final DpvMatcher MATCHER = DpvMatcher.bundled();

    @BeforeAll
    static void loadDpv() throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        for (String f : List.of("dpv.ttl", "pd.ttl")) {
            try (InputStream in = DpvAlignmentTest.class.getResourceAsStream("/dpv/" + f)) {
                RDFParser.source(in).lang(Lang.TURTLE).parse(g);
            }
        }
        dpvTerms = new HashSet<>();
        g.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && (s.getURI().startsWith(DPV.NS) || s.getURI().startsWith(DPV.PD))) dpvTerms.add(s.getURI());
        });
        assertTrue(dpvTerms.size() > 1000, "DPV 2.3 parsed");
    }

    static String expand(String curie) {
        return DPV.expand(curie);
    }

    static List<Expectation> table(String name) throws IOException {
        List<Expectation> rows = new ArrayList<>();
        try (InputStream in = DpvAlignmentTest.class.getResourceAsStream("/dpv/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                assertEquals(3, f.length, "three tab-separated fields: " + line);
                Set<String> accepted = new LinkedHashSet<>();
                boolean none = false;
                for (String c : f[2].trim().split(" +")) {
                    if (c.equals("-")) none = true;
                    else accepted.add(expand(c));
                }
                rows.add(new Expectation(f[0], f[1], accepted, none));
            }
        }
        return rows;
    }

    // ---- every DPV IRI exists ----------------------------------------------------------------------

    @Test
    void everyConceptTheLexiconsCanGiveExistsInDpv() {
        Set<String> missing = new TreeSet<>();
        for (String iri : MATCHER.concepts()) if (!dpvTerms.contains(iri)) missing.add(iri);
        assertTrue(missing.isEmpty(), "not in DPV 2.3: " + missing);
    }

    @Test
    void everyConceptOfTheExpectationTablesExistsInDpv() throws IOException {
        Set<String> missing = new TreeSet<>();
        for (String t : List.of("expected-data.tsv", "expected-purposes.tsv")) {
            for (Expectation e : table(t)) for (String c : e.accepted) if (!dpvTerms.contains(c)) missing.add(c);
        }
        assertTrue(missing.isEmpty(), "not in DPV 2.3: " + missing);
    }

    @Test
    void everyDpvIriInOntologyShapesQueriesAndContextExists() throws IOException {
        Pattern curie = Pattern.compile("(?<![A-Za-z0-9_/#])(dpv|pd):([A-Za-z][A-Za-z0-9]*)");
        Pattern iri = Pattern.compile("https://w3id\\.org/dpv(/pd)?#([A-Za-z][A-Za-z0-9]*)");
        List<Path> files = new ArrayList<>(List.of(Path.of("ontology/privkg.ttl"), Path.of("ontology/shapes.ttl")));
        try (Stream<Path> q = Files.list(Path.of("queries"))) {
            q.filter(p -> p.toString().endsWith(".rq")).sorted().forEach(files::add);
        }
        if (Files.exists(Path.of("ontology/context.jsonld"))) files.add(Path.of("ontology/context.jsonld"));
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = curie.matcher(text);
            while (m.find()) {
                seen++;
                String full = (m.group(1).equals("pd") ? DPV.PD : DPV.NS) + m.group(2);
                if (!dpvTerms.contains(full)) missing.add(f + ": " + m.group());
            }
            m = iri.matcher(text);
            while (m.find()) {
                seen++;
                String full = (m.group(1) == null ? DPV.NS : DPV.PD) + m.group(2);
                if (!dpvTerms.contains(full)) missing.add(f + ": " + m.group());
            }
        }
        assertTrue(seen > 40, "the ontology is aligned to DPV");
        assertTrue(missing.isEmpty(), "not in DPV 2.3: " + missing);
    }

    // ---- data items -------------------------------------------------------------------------------

    static Map<String, Score> scoreData(List<Expectation> rows) {
        Map<String, List<Expectation>> byGroup = new LinkedHashMap<>();
        for (Expectation e : rows) byGroup.computeIfAbsent(e.group, g -> new ArrayList<>()).add(e);
        Map<String, Score> out = new LinkedHashMap<>();
        byGroup.forEach((g, es) -> {
            int covered = 0, right = 0, concepts = 0, correct = 0;
            List<String> wrong = new ArrayList<>();
            for (Expectation e : es) {
                var m = MATCHER.dataConcept(e.label);
                if (m.isEmpty()) {
                    if (!e.noneAccepted && e.accepted.isEmpty()) wrong.add(e.label + " -> none");
                    continue;
                }
                covered++;
                concepts++;
                if (e.accepted.contains(m.get().iri())) {
                    correct++;
                    right++;
                } else {
                    wrong.add(e.label + " -> " + m.get().curie() + " (cue " + m.get().cue() + ")");
                }
            }
            out.put(g, new Score(es.size(), covered, right, concepts, correct, wrong));
        });
        return out;
    }

    static Map<String, Score> scorePurposes(List<Expectation> rows) {
        Map<String, List<Expectation>> byGroup = new LinkedHashMap<>();
        for (Expectation e : rows) byGroup.computeIfAbsent(e.group, g -> new ArrayList<>()).add(e);
        Map<String, Score> out = new LinkedHashMap<>();
        byGroup.forEach((g, es) -> {
            int covered = 0, right = 0, concepts = 0, correct = 0;
            List<String> wrong = new ArrayList<>();
            for (Expectation e : es) {
                var ms = MATCHER.purposeConcepts(e.label);
                if (ms.isEmpty()) continue;
                covered++;
                boolean anyRight = false;
                for (var m : ms) {
                    concepts++;
                    if (e.accepted.contains(m.iri())) {
                        correct++;
                        anyRight = true;
                    } else {
                        wrong.add(e.label + " -> " + m.curie() + " (cue " + m.cue() + ")");
                    }
                }
                if (anyRight) right++;
            }
            out.put(g, new Score(es.size(), covered, right, concepts, correct, wrong));
        });
        return out;
    }

    static void print(String what, Map<String, Score> scores) {
        System.out.println("DPV alignment of " + what + ":");
        scores.forEach((g, s) -> System.out.printf(
                "  %-7s %3d items, %3d with a concept (coverage %5.1f%%), %3d of %3d concepts accepted (precision %5.1f%%)%s%n",
                g, s.items, s.covered, 100 * s.coverage(), s.correctConcepts, s.concepts, 100 * s.precision(),
                s.wrong.isEmpty() ? "" : "; wrong: " + s.wrong));
    }

    @Test
    void dataItemsReachCoverageWithoutWrongMatches() throws IOException {
        Map<String, Score> scores = scoreData(table("expected-data.tsv"));
        print("data items", scores);
        for (var e : scores.entrySet()) {
            assertTrue(e.getValue().precision() >= 0.97, e.getKey() + ": precision " + e.getValue().precision()
                    + ", wrong: " + e.getValue().wrong);
        }
        assertTrue(scores.get("data").coverage() >= 0.90, "data/ coverage " + scores.get("data").coverage());
        assertTrue(scores.get("shared").coverage() >= 0.85, "shared coverage " + scores.get("shared").coverage());
        assertTrue(scores.get("unseen").coverage() >= 0.80, "unseen coverage " + scores.get("unseen").coverage());
    }

    @Test
    void purposesReachCoverageWithoutWrongMatches() throws IOException {
        Map<String, Score> scores = scorePurposes(table("expected-purposes.tsv"));
        print("purposes", scores);
        for (var e : scores.entrySet()) {
            assertTrue(e.getValue().precision() >= 0.95, e.getKey() + ": precision " + e.getValue().precision()
                    + ", wrong: " + e.getValue().wrong);
        }
        assertTrue(scores.get("unseen").coverage() >= 0.80, "unseen coverage " + scores.get("unseen").coverage());
        assertTrue(scores.get("data").coverage() >= 0.80, "data/ coverage " + scores.get("data").coverage());
    }

    @Test
    void genericAndPointerLabelsGetNoConcept() {
        for (String l : List.of("个人信息", "个人基本信息", "相关信息", "上述信息", "该信息", "其他信息", "您的个人信息", "必要信息",
                "我们收集到的信息", "第三方提供的相关信息", "该实际订购人的前述个人信息", "用户的个人资料")) {
            assertTrue(MATCHER.dataConcept(l).isEmpty(), l + " should get no concept but got " + MATCHER.dataConcept(l));
        }
    }

    @Test
    void mostSpecificMatchWins() {
        assertEquals(DPV.PD + "PaymentCard", MATCHER.dataConcept("银行卡号").orElseThrow().iri());
        assertEquals(DPV.PD + "IPAddress", MATCHER.dataConcept("交易IP地址").orElseThrow().iri());
        assertEquals(DPV.PD + "TelephoneNumber", MATCHER.dataConcept("收货人手机号码").orElseThrow().iri());
        assertEquals(DPV.PD + "Name", MATCHER.dataConcept("紧急联系人姓名").orElseThrow().iri());
        assertEquals(DPV.PD + "FacialPrint", MATCHER.dataConcept("人脸图像").orElseThrow().iri());
        assertEquals(DPV.PD + "EmailAddress", MATCHER.dataConcept("电子邮箱地址").orElseThrow().iri());
        assertEquals(DPV.PD + "DigitalFingerprint", MATCHER.dataConcept("设备指纹").orElseThrow().iri());
        assertEquals(DPV.PD + "DeviceBased", MATCHER.dataConcept("软硬件特征信息").orElseThrow().iri(),
                "特征信息 holds the characters 征信 but is no credit record");
    }

    @Test
    void purposesGiveEveryStatedPurposeInTextOrder() {
        List<String> got = MATCHER.purposeConcepts("创建账号并验证您的身份").stream().map(DpvMatcher.Match::curie).toList();
        assertEquals(List.of("dpv:AccountManagement", "dpv:IdentityVerification"), got);
        assertEquals(List.of("dpv:PersonalisedAdvertising"),
                MATCHER.purposeConcepts("在游戏内展示个性化广告并进行广告效果归因").stream().map(DpvMatcher.Match::curie).toList());
        assertTrue(MATCHER.purposeConcepts("本隐私政策未载明的其他用途").isEmpty());
    }

    // ---- coverage over the policies' own items ----------------------------------------------------

    /** Distinct data labels and purposes of the policies in a directory, by key. */
    static Map<String, Set<String>> itemsOf(Path dir) throws IOException {
        PolicyReader reader = new PolicyReader();
        Set<String> data = new LinkedHashSet<>();
        Set<String> purposes = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                ExtractedPolicy p = reader.read(PolicySource.of(f, null)).policy().orElseThrow();
                for (DataPractice dp : p.practices()) {
                    dp.data().forEach(data::add);
                    dp.purposes().forEach(purposes::add);
                }
                for (Broader b : p.hierarchy()) {
                    data.add(b.child());
                    data.add(b.parent());
                }
            }
        }
        return Map.of("data", data, "purposes", purposes);
    }

    @Test
    void coverageAndPrecisionHoldOnThePolicies() throws IOException {
        List<Expectation> dataRows = table("expected-data.tsv");
        List<Expectation> purposeRows = table("expected-purposes.tsv");
        for (var src : List.of(Map.entry("data", Fixtures.POLICIES), Map.entry("unseen", Path.of("src/test/resources/unseen")))) {
            Map<String, Set<String>> items = itemsOf(src.getValue());
            double dataCoverage = coverage(items.get("data"), l -> !MATCHER.dataConcept(l).isEmpty());
            double purposeCoverage = coverage(items.get("purposes"), l -> !MATCHER.purposeConcepts(l).isEmpty());
            List<Expectation> d = pick(dataRows, src.getKey(), items.get("data"));
            List<Expectation> p = pick(purposeRows, src.getKey(), items.get("purposes"));
            Score ds = scoreData(d).get(src.getKey());
            Score ps = scorePurposes(p).get(src.getKey());
            System.out.printf("%s: %d distinct data items, %.1f%% with a DPV concept; %d hand-checked, %.1f%% precision. "
                            + "%d purposes, %.1f%% with a DPV concept; %d hand-checked, %.1f%% precision%n", src.getValue(),
                    items.get("data").size(), 100 * dataCoverage, d.size(), 100 * ds.precision(),
                    items.get("purposes").size(), 100 * purposeCoverage, p.size(), 100 * ps.precision());
            assertTrue(dataCoverage >= (src.getKey().equals("data") ? 0.90 : 0.80), src + " data coverage " + dataCoverage);
            if (src.getKey().equals("unseen")) assertTrue(purposeCoverage >= 0.80, "unseen purpose coverage " + purposeCoverage);
            assertTrue(ds.precision() >= 0.95 && ps.precision() >= 0.95, src + " precision " + ds.precision() + " " + ps.precision());
        }
    }

    /** Share of distinct labels (by key) that pass the test. */
    static double coverage(Set<String> labels, java.util.function.Predicate<String> matched) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String l : labels) byKey.putIfAbsent(Labels.key(l), l);
        return byKey.isEmpty() ? 1 : (double) byKey.values().stream().filter(matched).count() / byKey.size();
    }

    /**
     * The hand-checked rows for the given labels, as rows of the group: a row of another group counts
     * (a label's concept does not depend on the policy it came from). Labels no table covers yet are
     * left out of precision; coverage counts them all.
     */
    static List<Expectation> pick(List<Expectation> rows, String group, Set<String> labels) {
        Map<String, Expectation> byKey = new LinkedHashMap<>();
        for (Expectation e : rows) if (e.group.equals(group)) byKey.putIfAbsent(Labels.key(e.label), e);
        for (Expectation e : rows) byKey.putIfAbsent(Labels.key(e.label), new Expectation(group, e.label, e.accepted, e.noneAccepted));
        List<Expectation> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String l : labels) {
            String k = Labels.key(l);
            if (keys.add(k) && byKey.containsKey(k)) out.add(byKey.get(k));
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
