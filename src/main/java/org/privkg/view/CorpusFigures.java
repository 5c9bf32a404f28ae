package org.privkg.view;

import static org.privkg.view.RowValues.number;
import static org.privkg.view.RowValues.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.privkg.query.InternalQueries;
import org.privkg.vocab.PK;

/** The corpus in numbers, for the dashboard and the report: counts, the commonest nodes and concepts, the heatmap. */
public record CorpusFigures(Map<String, Long> counts, List<Ranked> dataItems, List<Ranked> recipients,
                            List<Ranked> dataConcepts, List<Ranked> purposeConcepts, Map<String, Map<String, Long>> heatmap) {
    /** Data and purpose concepts shown in the heatmap, the commonest of each. */
    static final int HEATMAP_SIDE = 10;

    /** A node or concept and how many policies (or practices) name it. */
    public record Ranked(String iri, String label, long count) {
    }

    /** The figures of one snapshot of the dataset: every query runs in the one read transaction (the caller's, if any). */
    public static CorpusFigures read(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> readInTransaction(dsg));
    }

    private static CorpusFigures readInTransaction(DatasetGraph dsg) {
        Map<String, Long> counts = new LinkedHashMap<>();
        InternalQueries.select(dsg, "dashboard-counts", Map.of(), row -> {
            for (String v : List.of("policies", "practices", "negated", "dataItems", "thirdParties")) counts.put(v, number(row, v));
        });
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        InternalQueries.select(dsg, "dashboard-heatmap", Map.of(), row -> cells
                .computeIfAbsent(value(row, "data"), k -> new TreeMap<>()).put(value(row, "purpose"), number(row, "practices")));
        return new CorpusFigures(counts, top(dsg, PK.DataType), top(dsg, PK.ThirdParty), concepts(dsg, PK.DataType),
                concepts(dsg, PK.Purpose), heatmap(cells));
    }

    private static List<Ranked> top(DatasetGraph dsg, Node type) {
        List<Ranked> out = new ArrayList<>();
        InternalQueries.select(dsg, "dashboard-top", Map.of("type", type), row ->
                out.add(new Ranked(value(row, "node"), value(row, "label"), number(row, "policies"))));
        return List.copyOf(out);
    }

    private static List<Ranked> concepts(DatasetGraph dsg, Node type) {
        List<Ranked> out = new ArrayList<>();
        InternalQueries.select(dsg, "dashboard-concepts", Map.of("type", type), row -> {
            String iri = value(row, "concept");
            out.add(new Ranked(iri, DpvNames.compact(iri), number(row, "policies")));
        });
        return List.copyOf(out);
    }

    /** The cells of the commonest data concepts (rows) and purpose concepts (columns), by total practices. */
    private static Map<String, Map<String, Long>> heatmap(Map<String, Map<String, Long>> cells) {
        Map<String, Long> columnTotals = new TreeMap<>();
        cells.values().forEach(row -> row.forEach((c, n) -> columnTotals.merge(c, n, Long::sum)));
        List<String> rows = topKeys(cells.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().values().stream().mapToLong(Long::longValue).sum())));
        List<String> columns = topKeys(columnTotals);
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String r : rows) {
            Map<String, Long> row = new LinkedHashMap<>();
            for (String c : columns) row.put(c, cells.get(r).getOrDefault(c, 0L));
            out.put(r, row);
        }
        return out;
    }

    private static List<String> topKeys(Map<String, Long> totals) {
        return totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(HEATMAP_SIDE).map(Map.Entry::getKey).sorted(Comparator.comparing(DpvNames::compact)).toList();
    }
}
