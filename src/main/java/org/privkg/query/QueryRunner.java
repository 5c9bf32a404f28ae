package org.privkg.query;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Runs a {@link NamedQuery} over a dataset. User values reach the query only as bound values
 * (Jena's syntactic substitution of ?NAME), never as query text.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    /** Checks the given values against the declared parameters and fills in defaults. */
    public static Binding bind(NamedQuery q, Map<String, String> given) {
        Map<String, String> values = new HashMap<>();
        for (QueryParam p : q.params()) values.put(p.name(), p.defaultValue());
        for (var e : given.entrySet()) {
            if (q.param(e.getKey()) == null) {
                String known = q.params().isEmpty() ? "it takes none"
                        : "it takes " + String.join(", ", q.params().stream().map(QueryParam::name).toList());
                throw new IllegalArgumentException("query '" + q.name() + "' has no parameter '" + e.getKey() + "'; " + known);
            }
            values.put(e.getKey(), e.getValue());
        }
        BindingBuilder b = BindingBuilder.create();
        values.forEach((k, v) -> b.add(Var.alloc(k), NodeFactory.createLiteralString(v)));
        return b.build();
    }

    public static Query compile(NamedQuery q) {
        try {
            return QueryFactory.create(q.text());
        } catch (QueryParseException e) {
            throw new IllegalArgumentException("query '" + q.name() + "' is not valid SPARQL: " + e.getMessage(), e);
        }
    }

    /** Runs the query inside a read transaction and hands the execution to {@code use}. */
    public static <T> T run(DatasetGraph dsg, NamedQuery q, Map<String, String> params, Function<QueryExec, T> use) {
        Query query = compile(q);
        Binding binding = bind(q, params);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).substitution(binding).build()) {
                return use.apply(exec);
            }
        });
    }
}
