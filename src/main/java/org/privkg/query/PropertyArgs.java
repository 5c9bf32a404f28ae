package org.privkg.query;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/** What privkg's property functions do with an argument: bind a variable, or test a given term. */
final class PropertyArgs {
    private PropertyArgs() {
    }

    /** Binds a variable argument to the value, or tells whether the argument is the value. */
    static boolean bind(BindingBuilder row, Node arg, Node value) {
        if (!arg.isVariable()) return arg.equals(value);
        Var var = Var.alloc(arg);
        if (row.contains(var)) return row.get(var).equals(value); // the same variable twice: (?x ?x)
        row.add(var, value);
        return true;
    }
}
