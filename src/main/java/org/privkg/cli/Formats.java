package org.privkg.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.privkg.rdf.RdfFormat;

/** Format names given on the command line, each list kept in one place so errors and help agree. */
final class Formats {
    /** The practices table of 'export'. */
    static final List<String> TABLE = List.of("csv", "json");
    /** Results of a SELECT or ASK query. */
    static final List<String> ROWS = List.of("table", "csv", "tsv", "json");
    /** Results of a CONSTRUCT or DESCRIBE query. */
    static final List<String> GRAPH = List.of("ttl", "nt", "jsonld");

    private Formats() {
    }

    static RdfFormat rdf(String name) {
        return rdf(name, Arrays.stream(RdfFormat.values()).map(f -> f.name).toList());
    }

    /** An RDF format of 'export', or null for a table one. */
    static RdfFormat export(String name) {
        if (TABLE.contains(name.toLowerCase(Locale.ROOT))) return null;
        return rdf(name, Stream.concat(Arrays.stream(RdfFormat.values()).map(f -> f.name), TABLE.stream()).toList());
    }

    private static RdfFormat rdf(String name, List<String> offered) {
        for (RdfFormat f : RdfFormat.values()) if (f.name.equalsIgnoreCase(name)) return f;
        throw UserError.badInput("unknown format '" + name + "'; use one of " + String.join(", ", offered));
    }

    /** The format for a query's results: the given one if it fits the query's kind, else its kind's first. */
    static String forQuery(String given, boolean graph) {
        List<String> fit = graph ? GRAPH : ROWS;
        if (given == null) return fit.get(0);
        String f = given.toLowerCase(Locale.ROOT);
        if (fit.contains(f)) return f;
        String kind = graph ? "a CONSTRUCT or DESCRIBE query gives RDF" : "a SELECT or ASK query gives rows";
        String other = (graph ? ROWS : GRAPH).contains(f) ? " ('" + f + "' is for " + (graph ? "SELECT and ASK" : "CONSTRUCT and DESCRIBE") + ")" : "";
        throw UserError.badInput("format '" + given + "' does not fit this query: " + kind + "; use one of "
                + String.join(", ", fit) + other);
    }
}
