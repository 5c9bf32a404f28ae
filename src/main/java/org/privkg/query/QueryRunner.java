package org.privkg.query;

import java.util.Map;
import java.util.function.Function;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.system.Txn;

/**
 * Runs a {@link NamedQuery} over a dataset or a SPARQL endpoint. User values reach the query only as bound values
 * (Jena's syntactic substitution of ?NAME), never as query text.
 */
public final class QueryRunner {
    private QueryRunner() {
    }

    /** Checks the given values against the declared parameters (or the query's variables) and fills in defaults. */
    public static Binding bind(NamedQuery q, Map<String, String> given) {
        return QueryValues.bind(q, compile(q), given);
    }

    /** Parses the query with {@link QueryPrefixes#PREDECLARED} in scope. */
    public static Query compile(NamedQuery q) {
        Query query = new Query();
        query.getPrefixMapping().setNsPrefixes(QueryPrefixes.PREDECLARED);
        try {
            return QueryFactory.parse(query, q.text(), null, Syntax.defaultQuerySyntax);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException("query '" + q.name() + "' is not valid SPARQL: " + e.getMessage(), e);
        }
    }

    /** Runs the query inside a read transaction and hands the execution to {@code use}. */
    public static <T> T run(DatasetGraph dsg, NamedQuery q, Map<String, String> params, Function<QueryExec, T> use) {
        Query query = compile(q);
        Binding binding = QueryValues.bind(q, query, params);
        return Txn.calculateRead(dsg, () -> {
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).substitution(binding).build()) {
                return use.apply(exec);
            }
        });
    }

    /** Runs the query at a SPARQL endpoint (a running privkg or Fuseki), its values substituted before it is sent. */
    public static <T> T run(String endpoint, NamedQuery q, Map<String, String> params, Function<QueryExec, T> use) {
        Query query = compile(q);
        Binding binding = QueryValues.bind(q, query, params);
        try (QueryExec exec = QueryExecHTTP.service(endpoint).query(query).substitution(binding).build()) {
            return use.apply(exec);
        }
    }
}
