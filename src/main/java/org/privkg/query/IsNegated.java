package org.privkg.query;

import java.util.HashSet;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * The function {@code pkf:isNegated(?practice)}: true when {@code ?practice pk:negated true} is stated,
 * false otherwise, from a table of the negated practices ({@code internal/negated-practices.rq}).
 * {@code FILTER (!pkf:isNegated(?practice))} keeps what {@code FILTER NOT EXISTS { ?practice pk:negated
 * true }} keeps, with a hash look-up instead of a store probe per row.
 */
public final class IsNegated extends TableFunction<Set<Node>> {
    public static final String IRI = "https://w3id.org/privkg/function#isNegated";
    private static final Query QUERY = QueryRunner.compile(QueryLibrary.internal("negated-practices"));
    private static final Var PRACTICE = Var.alloc("practice");
    static final StoreTable<Set<Node>> TABLES = new StoreTable<>("negated-practices", IsNegated::read);

    public IsNegated() {
        super("pkf:isNegated", TABLES);
    }

    @Override
    NodeValue answer(Set<Node> negated, Node practice) {
        return NodeValue.booleanReturn(negated.contains(practice));
    }

    private static Set<Node> read(DatasetGraph dsg) {
        Set<Node> negated = new HashSet<>();
        StoreTable.readRows(dsg, QUERY, row -> negated.add(row.get(PRACTICE)));
        return negated;
    }
}
