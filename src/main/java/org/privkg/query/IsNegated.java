package org.privkg.query;

import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * The function {@code pkf:isNegated(?practice)}: true when {@code ?practice pk:negated true} is stated
 * in the default graph (the union of all graphs), false otherwise, from an in-memory table of the
 * negated practices ({@link NegatedPractices}); inside {@code GRAPH} it still answers for the union.
 * {@code FILTER (!pkf:isNegated(?practice))} keeps what {@code FILTER NOT EXISTS { ?practice pk:negated
 * true }} keeps, with a hash look-up instead of a store probe per row.
 */
public final class IsNegated implements Function {
    public static final String IRI = "https://w3id.org/privkg/function#isNegated";

    @Override
    public void build(String uri, ExprList args, Context context) {
        if (args.size() != 1) throw new QueryBuildException("pkf:isNegated takes one argument, the practice");
    }

    @Override
    public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
        boolean negated = NegatedPractices.of(env.getDataset(), env.getContext()).contains(args.get(0).eval(binding, env).asNode());
        return NodeValue.booleanReturn(negated);
    }
}
