package org.privkg.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.util.NodeFactoryExtra;

/**
 * Turns {@code NAME=VALUE} pairs into the values a query's variables are bound to. A bundled query's
 * declared parameters take strings; any variable of a query without declarations takes a value
 * written as a SPARQL term ({@code <IRI>}, {@code pk:Collect}, {@code "text"@zh}, {@code "5"^^xsd:integer},
 * {@code 42}, {@code true}), anything else being a plain string.
 */
public final class QueryValues {
    /** What reads as a SPARQL term rather than text: an IRI, a quoted literal, a number, a boolean, a prefixed name. */
    private static final Pattern TERM = Pattern.compile("<[^<>\"{}|^`\\\\\\s]*>|([\"']).*|[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|true|false|[A-Za-z][\\w.-]*:\\S*");

    private QueryValues() {
    }

    /** Checks the given values against the query's parameters (or, with none declared, its variables) and fills in defaults. */
    public static Binding bind(NamedQuery q, Query compiled, Map<String, String> given) {
        Map<String, Node> values = new HashMap<>();
        for (QueryParam p : q.params()) values.put(p.name(), NodeFactory.createLiteralString(p.defaultValue()));
        Set<String> variables = q.params().isEmpty() ? variables(compiled) : Set.of();
        for (var e : given.entrySet()) {
            String name = e.getKey();
            if (!q.params().isEmpty()) {
                if (q.param(name) == null) throw unknown(q, name, "parameter", q.params().stream().map(QueryParam::name).toList());
                values.put(name, NodeFactory.createLiteralString(e.getValue()));
            } else {
                if (!variables.contains(name)) throw unknown(q, name, "variable", variables);
                values.put(name, term(name, e.getValue()));
            }
        }
        BindingBuilder b = BindingBuilder.create();
        values.forEach((k, v) -> b.add(Var.alloc(k), v));
        return b.build();
    }

    /** A value as written on the command line: a SPARQL term if it reads as one, else a plain string. */
    static Node term(String name, String value) {
        if (!TERM.matcher(value).matches()) return NodeFactory.createLiteralString(value);
        if (value.matches("[A-Za-z][\\w.-]*:\\S*") && QueryPrefixes.PREDECLARED.getNsPrefixURI(value.substring(0, value.indexOf(':'))) == null) {
            return NodeFactory.createLiteralString(value); // "a:b" with no such prefix is text, e.g. a time 10:30
        }
        try {
            return NodeFactoryExtra.parseNode(value, PrefixMapFactory.create(QueryPrefixes.PREDECLARED));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--param " + name + "=" + value + " is not a SPARQL term: " + e.getMessage()
                    + "; quote text as \"...\", write an IRI as <...>");
        }
    }

    /** Every variable the query mentions, in its pattern, filters, expressions and result. */
    public static Set<String> variables(Query query) {
        Set<Var> vars = new LinkedHashSet<>(OpVars.mentionedVars(Algebra.compile(query)));
        if (query.isSelectType()) vars.addAll(query.getProjectVars());
        Set<String> names = new TreeSet<>();
        for (Var v : vars) if (!v.getVarName().startsWith(".") && !v.getVarName().startsWith("?")) names.add(v.getVarName());
        return names;
    }

    private static IllegalArgumentException unknown(NamedQuery q, String name, String what, Collection<String> known) {
        return new IllegalArgumentException("query '" + q.name() + "' has no " + what + " '" + name + "'; "
                + (known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", known)));
    }
}
