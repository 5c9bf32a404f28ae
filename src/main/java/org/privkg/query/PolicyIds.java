package org.privkg.query;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.NodeCmp;

/**
 * Each policy's id ({@code pk:policyId}), by policy: what {@link PolicyIdOf} looks up, kept per store
 * version ({@link StoreTable}) and read with {@code internal/policy-ids.rq}.
 */
final class PolicyIds {
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("policy-ids"));
    private static final Var POLICY = Var.alloc("policy");
    private static final Var ID = Var.alloc("id");
    private static final StoreTable<PolicyIds> TABLES = new StoreTable<>("policy-ids", PolicyIds::read);

    private final Map<Node, Node> ids;

    private PolicyIds(Map<Node, Node> ids) {
        this.ids = ids;
    }

    /** The table for the dataset as the calling thread's transaction sees it (query: its context, or null). */
    static PolicyIds of(DatasetGraph dsg, Context query) {
        return TABLES.of(dsg, query);
    }

    /**
     * The policy's id, or null for a node that is not a policy. privkg stores one id per policy; of
     * several (written through {@code serve --allow-update}), the least in SPARQL's order.
     */
    Node idOf(Node policy) {
        return ids.get(policy);
    }

    private static PolicyIds read(DatasetGraph dsg) {
        Map<Node, Node> ids = new HashMap<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(QUERY).build()) {
            exec.select().forEachRemaining(row -> ids.merge(row.get(POLICY), row.get(ID),
                    (a, b) -> NodeCmp.compareRDFTerms(a, b) <= 0 ? a : b));
        }
        return new PolicyIds(ids);
    }
}
