package org.privkg.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * Runs privkg's internal queries ({@code /privkg/internal/NAME.rq}) for the server and the views, in a read
 * transaction (or the caller's), with variables bound to nodes by Jena's substitution, never by text pasting.
 */
public final class InternalQueries {
    private static final Map<String, NamedQuery> TEXTS = new ConcurrentHashMap<>();

    private InternalQueries() {
    }

    public static <T> T run(DatasetGraph dsg, String name, Map<String, Node> bindings, Function<QueryExec, T> use) {
        Query query = QueryRunner.compile(TEXTS.computeIfAbsent(name, QueryLibrary::internal));
        BindingBuilder b = BindingBuilder.create();
        bindings.forEach((k, v) -> b.add(Var.alloc(k), v));
        Binding binding = b.build();
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).substitution(binding).build()) {
                return use.apply(exec);
            }
        });
    }

    /** Runs a SELECT query, handing each row to {@code row}. */
    public static void select(DatasetGraph dsg, String name, Map<String, Node> bindings, Consumer<Binding> row) {
        run(dsg, name, bindings, exec -> {
            exec.select().forEachRemaining(row);
            return null;
        });
    }
}
