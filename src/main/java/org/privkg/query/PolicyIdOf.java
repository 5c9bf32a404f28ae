package org.privkg.query;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * The function {@code pkf:policyId(?policy)}: the id that {@code ?policy pk:policyId ?id} gives in the
 * default graph (the union of all graphs), from an in-memory table of the policies' ids
 * ({@link PolicyIds}); inside {@code GRAPH} it still answers for the union. Not a policy: an evaluation
 * error, so {@code BIND} leaves the variable unbound. A query that names the policies of thousands of
 * rows looks each one up in a hash map instead of the store's index; a function rather than a property
 * function, as Jena runs a property function through a graph operator and a substitution per row.
 */
public final class PolicyIdOf implements Function {
    public static final String IRI = "https://w3id.org/privkg/function#policyId";

    @Override
    public void build(String uri, ExprList args, Context context) {
        if (args.size() != 1) throw new QueryBuildException("pkf:policyId takes one argument, the policy");
    }

    @Override
    public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
        Node policy = args.get(0).eval(binding, env).asNode();
        Node id = PolicyIds.of(env.getDataset(), env.getContext()).idOf(policy);
        if (id == null) throw new ExprEvalException("pkf:policyId: not a policy: " + policy);
        return NodeValue.makeNode(id);
    }
}
