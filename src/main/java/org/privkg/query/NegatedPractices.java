package org.privkg.query;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Context;

/**
 * The practices stated as negated ({@code pk:negated true}): what {@link IsNegated} looks up, kept per
 * store version ({@link StoreTable}) and read with {@code internal/negated-practices.rq}.
 */
final class NegatedPractices {
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("negated-practices"));
    private static final Var PRACTICE = Var.alloc("practice");
    private static final StoreTable<NegatedPractices> TABLES = new StoreTable<>("negated-practices", NegatedPractices::read);

    private final Set<Node> negated;

    private NegatedPractices(Set<Node> negated) {
        this.negated = negated;
    }

    /** The table for the dataset as the calling thread's transaction sees it (query: its context, or null). */
    static NegatedPractices of(DatasetGraph dsg, Context query) {
        return TABLES.of(dsg, query);
    }

    boolean contains(Node practice) {
        return negated.contains(practice);
    }

    private static NegatedPractices read(DatasetGraph dsg) {
        Set<Node> negated = new HashSet<>();
        try (QueryExec exec = QueryExec.dataset(dsg).query(QUERY).build()) {
            exec.select().forEachRemaining(row -> negated.add(row.get(PRACTICE)));
        }
        return new NegatedPractices(negated);
    }
}
