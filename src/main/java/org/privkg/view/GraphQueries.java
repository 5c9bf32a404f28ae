package org.privkg.view;

import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;

/** Runs privkg's internal SELECT queries for the views, values bound by Jena's substitution, in one read transaction. */
final class GraphQueries {
    private GraphQueries() {
    }

    static void select(DatasetGraph dsg, String name, Map<String, Node> bindings, Consumer<Binding> row) {
        Query query = QueryRunner.compile(QueryLibrary.internal(name));
        BindingBuilder b = BindingBuilder.create();
        bindings.forEach((k, v) -> b.add(Var.alloc(k), v));
        Binding binding = b.build();
        Txn.executeRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).substitution(binding).build()) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row);
            }
        });
    }

    static String value(Binding b, String var) {
        Node n = b.get(var);
        if (n == null) return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    static long number(Binding b, String var) {
        String s = value(b, var);
        return s == null ? 0 : Long.parseLong(s);
    }
}
