package org.privkg.query;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.NodeCmp;

/**
 * The function {@code pkf:policyId(?policy)}: the id that {@code ?policy pk:policyId ?id} gives, from
 * a table of every policy's id ({@code internal/policy-ids.rq}). Not a policy: an evaluation error, so
 * {@code BIND} leaves the variable unbound. privkg stores one id per policy; of several (written through
 * {@code serve --allow-update}), the least in SPARQL's order. A function rather than a property
 * function, as Jena runs a property function through a graph operator and a substitution per row.
 */
public final class PolicyIdOf extends TableFunction<Map<Node, Node>> {
    public static final String IRI = "https://w3id.org/privkg/function#policyId";
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("policy-ids"));
    private static final Var POLICY = Var.alloc("policy");
    private static final Var ID = Var.alloc("id");
    static final StoreTable<Map<Node, Node>> TABLES = new StoreTable<>("policy-ids", PolicyIdOf::read);

    public PolicyIdOf() {
        super("pkf:policyId", TABLES);
    }

    @Override
    NodeValue answer(Map<Node, Node> ids, Node policy) {
        Node id = ids.get(policy);
        if (id == null) throw new ExprEvalException("pkf:policyId: not a policy: " + policy);
        return NodeValue.makeNode(id);
    }

    private static Map<Node, Node> read(DatasetGraph dsg) {
        Map<Node, Node> ids = new HashMap<>();
        StoreTable.readRows(dsg, QUERY, row -> ids.merge(row.get(POLICY), row.get(ID), (a, b) -> NodeCmp.compareRDFTerms(a, b) <= 0 ? a : b));
        return ids;
    }
}
