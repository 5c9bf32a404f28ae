package org.privkg.query;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * A SPARQL function of one node answered from a table of the store ({@link StoreTable}) instead of a
 * store look-up per row. The table answers over the default graph (the union of all graphs), also
 * when the function is called inside {@code GRAPH}.
 */
abstract class TableFunction<T> implements Function {
    private final String name;
    private final StoreTable<T> tables;

    TableFunction(String name, StoreTable<T> tables) {
        this.name = name;
        this.tables = tables;
    }

    /** What the function gives for a node, given the table. */
    abstract NodeValue answer(T table, Node node);

    @Override
    public void build(String uri, ExprList args, Context context) {
        if (args.size() != 1) throw new QueryBuildException(name + " takes one argument, not " + args.size());
    }

    @Override
    public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
        Node node = args.get(0).eval(binding, env).asNode();
        return answer(tables.of(env.getDataset(), env.getContext()), node);
    }
}
