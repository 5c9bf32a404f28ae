package org.privkg.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.pipeline.PolicySource;
import org.privkg.fixture.Fixtures;
import org.privkg.fixture.Loads;
import org.privkg.store.PolicyStore;

/**
 * The dashboard's figures are exactly what straightforward queries over the stored graphs give: a join per
 * figure, labels and all, ranked and cut in SPARQL. The dashboard gets them faster (derived concept pairs,
 * ranking before labels); these are the answers it must still give.
 */
class CorpusFiguresTest {
    private static final String PREFIXES = """
            PREFIX pk: <https://w3id.org/privkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            """;
    /** A policy for the corners: a negated practice, two purposes, two data items of one DPV concept in one practice. */
    static final String CORNERS = """
            示例社交隐私政策
            为{创建账号并验证您的身份}和{向您推送消息}，我们会[收集]您的<手机号码>和<收货人手机号码>。
            我们[不会][共享]您的<手机号码>给(广告商)用于{个性化广告}。
            为{提供客服}，我们会与(客服外包商)[共享]您的<手机号码>和<位置信息>。
            """;

    @TempDir
    static Path tmp;
    static PolicyStore store;
    static CorpusFigures figures;

    @BeforeAll
    static void loadTheFixtureCorpus() throws IOException {
        List<PolicySource> sources = new ArrayList<>();
        for (String name : List.of("finance", "game", "gome", "health")) {
            sources.add(PolicySource.of(Fixtures.policy(name), null));
        }
        Path corners = tmp.resolve("corners.txt");
        Files.writeString(corners, CORNERS, StandardCharsets.UTF_8);
        sources.add(PolicySource.of(corners, null));
        store = PolicyStore.open(tmp.resolve("db"), null);
        Loads.load(store, sources);
        figures = CorpusFigures.read(store.dataset());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void countsAreThoseOfPlainCountingQueries() {
        Binding row = rows("""
                SELECT ?policies ?practices ?negated ?dataItems ?thirdParties WHERE {
                  { SELECT (COUNT(DISTINCT ?p) AS ?policies) WHERE { GRAPH ?p { ?p a pk:Policy } } }
                  { SELECT (COUNT(DISTINCT ?x) AS ?practices) WHERE { GRAPH ?g { ?x a pk:DataPractice } } }
                  { SELECT (COUNT(DISTINCT ?x) AS ?negated) WHERE { GRAPH ?g { ?x pk:negated true } } }
                  { SELECT (COUNT(DISTINCT ?d) AS ?dataItems) WHERE { GRAPH ?g { ?d a pk:DataType } } }
                  { SELECT (COUNT(DISTINCT ?t) AS ?thirdParties) WHERE { GRAPH ?g { ?t a pk:ThirdParty } } }
                }""").get(0);
        Map<String, Long> expected = new LinkedHashMap<>();
        for (String v : List.of("policies", "practices", "negated", "dataItems", "thirdParties")) expected.put(v, RowValues.number(row, v));
        assertEquals(expected, figures.counts());
        assertEquals(5, figures.counts().get("policies"));
        assertTrue(figures.counts().get("negated") > 0, "the corner policy has a negated practice");
    }

    @Test
    void commonestDataItemsAndThirdPartiesAreThoseRankedWithTheirLabels() {
        assertEquals(ranked(top("pk:DataType")), figures.dataItems());
        assertEquals(ranked(top("pk:ThirdParty")), figures.recipients());
        assertEquals(CorpusFigures.TOP, figures.dataItems().size(), "more data items than the list shows: ties at the cut are ranked by label");
    }

    @Test
    void commonestConceptsAreThoseOfAJoinPerType() {
        assertEquals(concepts("pk:DataType"), figures.dataConcepts());
        assertEquals(concepts("pk:Purpose"), figures.purposeConcepts());
        assertFalse(figures.purposeConcepts().isEmpty());
    }

    @Test
    void heatmapCellsCountThePracticesOfAJoinOverEveryGraph() {
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        for (Binding b : rows("""
                SELECT ?data ?purpose (COUNT(DISTINCT ?x) AS ?practices) WHERE {
                  GRAPH ?g {
                    ?x pk:data ?d ; pk:purpose ?u ; pk:negated false .
                    ?d pk:dpvConcept ?data .
                    ?u pk:dpvConcept ?purpose .
                  }
                }
                GROUP BY ?data ?purpose""")) {
            cells.computeIfAbsent(RowValues.value(b, "data"), k -> new TreeMap<>())
                    .put(RowValues.value(b, "purpose"), RowValues.number(b, "practices"));
        }
        assertFalse(cells.isEmpty());
        assertEquals(CorpusFigures.heatmap(cells), figures.heatmap());
    }

    /** The ranking as one query ranks it: labels joined in every graph, ordered and cut in SPARQL. */
    private static List<Binding> top(String type) {
        return rows("""
                SELECT ?node (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?g) AS ?policies) WHERE {
                  GRAPH ?g { ?node a %s ; rdfs:label ?l }
                }
                GROUP BY ?node
                ORDER BY DESC(?policies) ?label ?node
                LIMIT 15""".formatted(type));
    }

    private static List<CorpusFigures.Ranked> ranked(List<Binding> rows) {
        return rows.stream().map(b -> new CorpusFigures.Ranked(RowValues.value(b, "node"), RowValues.value(b, "label"),
                RowValues.number(b, "policies"))).toList();
    }

    private static List<CorpusFigures.Ranked> concepts(String type) {
        return rows("""
                SELECT ?concept (COUNT(DISTINCT ?g) AS ?policies) WHERE {
                  GRAPH ?g { ?node a %s ; pk:dpvConcept ?concept }
                }
                GROUP BY ?concept
                ORDER BY DESC(?policies) ?concept
                LIMIT 12""".formatted(type)).stream().map(b -> new CorpusFigures.Ranked(RowValues.value(b, "concept"),
                DpvNames.compact(RowValues.value(b, "concept")), RowValues.number(b, "policies"))).toList();
    }

    private static List<Binding> rows(String query) {
        DatasetGraph dsg = store.dataset();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(PREFIXES + query).build()) {
                List<Binding> out = new ArrayList<>();
                exec.select().forEachRemaining(b -> out.add(b.detach()));
                return out;
            }
        });
    }
}
