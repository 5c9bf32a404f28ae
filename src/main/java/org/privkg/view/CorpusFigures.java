package org.privkg.view;

import static org.privkg.view.RowValues.number;
import static org.privkg.view.RowValues.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    /** Nodes in each list of the commonest data items and third parties. */
    static final int TOP = 15;

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
            for (String v : List.of("policies", "practices", "negated")) counts.put(v, number(row, v));
        });
        // one scan per type gives both the number of distinct nodes and their ranking
        Map<Node, Long> dataItems = policiesPerNode(dsg, PK.DataType);
        Map<Node, Long> thirdParties = policiesPerNode(dsg, PK.ThirdParty);
        counts.put("dataItems", (long) dataItems.size());
        counts.put("thirdParties", (long) thirdParties.size());
        Map<String, Map<String, Long>> cells = new TreeMap<>();
        InternalQueries.select(dsg, "dashboard-heatmap", Map.of(), row -> cells
                .computeIfAbsent(value(row, "data"), k -> new TreeMap<>()).put(value(row, "purpose"), number(row, "practices")));
        return new CorpusFigures(counts, top(dsg, PK.DataType, dataItems), top(dsg, PK.ThirdParty, thirdParties),
                concepts(dsg, PK.usesDataConcept), concepts(dsg, PK.usesPurposeConcept), heatmap(cells));
    }

    /** How many policy graphs describe each node of the type. */
    private static Map<Node, Long> policiesPerNode(DatasetGraph dsg, Node type) {
        Map<Node, Long> out = new HashMap<>();
        InternalQueries.select(dsg, "dashboard-type-counts", Map.of("type", type), row ->
                out.put(row.get("node"), number(row, "policies")));
        return out;
    }

    /**
     * The {@link #TOP} nodes named by most policies, ties by label, then IRI. Labels are looked up only for the
     * nodes that can make the list (counted at least as often as the TOP-th), not for every node of every graph.
     */
    private static List<Ranked> top(DatasetGraph dsg, Node type, Map<Node, Long> policies) {
        if (policies.isEmpty()) return List.of();
        long least = policies.values().stream().sorted(Comparator.reverseOrder()).skip(Math.min(TOP, policies.size()) - 1)
                .findFirst().orElseThrow();
        List<Ranked> out = new ArrayList<>();
        policies.forEach((node, n) -> {
            if (n < least) return;
            String[] label = {null};
            InternalQueries.select(dsg, "dashboard-label", Map.of("node", node, "type", type), row -> label[0] = value(row, "label"));
            out.add(new Ranked(node.isURI() ? node.getURI() : node.toString(), label[0], n));
        });
        out.sort(Comparator.comparingLong(Ranked::count).reversed()
                .thenComparing(Ranked::label, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Ranked::iri));
        return List.copyOf(out.subList(0, Math.min(TOP, out.size())));
    }

    /** The commonest DPV concepts of data items or of purposes ({@code uses}: pk:usesDataConcept or pk:usesPurposeConcept). */
    private static List<Ranked> concepts(DatasetGraph dsg, Node uses) {
        List<Ranked> out = new ArrayList<>();
        InternalQueries.select(dsg, "dashboard-concepts", Map.of("uses", uses), row -> {
            String iri = value(row, "concept");
            out.add(new Ranked(iri, DpvNames.compact(iri), number(row, "policies")));
        });
        return List.copyOf(out);
    }

    /** The cells of the commonest data concepts (rows) and purpose concepts (columns), by total practices. */
    static Map<String, Map<String, Long>> heatmap(Map<String, Map<String, Long>> cells) {
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
