package org.privkg.query;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PFuncSimple;

/**
 * The property function {@code ?policy pkf:policyId ?id}: answers what {@code ?policy pk:policyId ?id}
 * answers in the default graph (the union of all graphs), from an in-memory table of the policies' ids
 * ({@link PolicyIds}); inside {@code GRAPH} it still answers for the union. A query that names the
 * policies of thousands of rows looks each one up in a hash map instead of the store's index (a TDB2
 * look-up costs microseconds: at 10,000 policies, tens of milliseconds for compare-policies).
 */
public final class PolicyIdOf extends PFuncSimple {
    public static final String IRI = "https://w3id.org/privkg/function#policyId";

    @Override
    public QueryIterator execEvaluated(Binding binding, Node policy, Node predicate, Node id, ExecutionContext cxt) {
        PolicyIds table = PolicyIds.of(cxt.getDataset(), cxt.getContext());
        List<Binding> rows = new ArrayList<>();
        if (policy.isVariable()) {
            table.all().forEach((p, ids) -> ids.forEach(found -> add(rows, binding, policy, p, id, found)));
        } else {
            for (Node found : table.idsOf(policy)) add(rows, binding, policy, policy, id, found);
        }
        return QueryIterPlainWrapper.create(rows.iterator(), cxt);
    }

    private static void add(List<Binding> rows, Binding binding, Node policy, Node policyFound, Node id, Node idFound) {
        BindingBuilder row = Binding.builder(binding);
        if (PropertyArgs.bind(row, policy, policyFound) && PropertyArgs.bind(row, id, idFound)) rows.add(row.build());
    }
}
