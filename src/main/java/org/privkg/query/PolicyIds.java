package org.privkg.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;

/**
 * Each policy's id ({@code pk:policyId}), by policy: what {@link PolicyIdOf} looks up, kept per store
 * version ({@link StoreTable}) and read with {@code internal/policy-ids.rq}.
 */
final class PolicyIds {
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("policy-ids"));
    private static final Var POLICY = Var.alloc("policy");
    private static final Var ID = Var.alloc("id");
    private static final StoreTable<PolicyIds> TABLES = new StoreTable<>("policy-ids", PolicyIds::read);

    private final Map<Node, List<Node>> ids;

    private PolicyIds(Map<Node, List<Node>> ids) {
        this.ids = ids;
    }

    /** The table for the dataset as the calling thread's transaction sees it (query: its context, or null). */
    static PolicyIds of(DatasetGraph dsg, Context query) {
        return TABLES.of(dsg, query);
    }

    /** The policy's ids (one for a policy privkg stored; none for a node that is not a policy). */
    List<Node> idsOf(Node policy) {
        return ids.getOrDefault(policy, List.of());
    }

    /** Every policy with its ids. */
    Map<Node, List<Node>> all() {
        return ids;
    }

    private static PolicyIds read(DatasetGraph dsg) {
        Map<Node, List<Node>> ids = new HashMap<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(QUERY).build()) {
            exec.select().forEachRemaining(row -> ids.computeIfAbsent(row.get(POLICY), p -> new ArrayList<>(1)).add(row.get(ID)));
        }
        ids.replaceAll((policy, list) -> List.copyOf(list));
        return new PolicyIds(Collections.unmodifiableMap(ids));
    }
}
