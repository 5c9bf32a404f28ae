package org.privkg.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;

/**
 * Reads the practices of a dataset holding one policy graph (a version from the archive, the current one
 * copied out of the store, or a file just extracted) with {@code practice-fields.rq}, so that every way
 * of naming a version is compared from the same triples.
 */
public final class PracticeFields {
    private PracticeFields() {
    }

    /** The practices, in the order of their clauses. */
    public static List<Practice> read(DatasetGraph dsg) {
        Map<Node, Map<String, TreeSet<String>>> byPractice = new LinkedHashMap<>();
        QueryRunner.run(dsg, QueryLibrary.internal("practice-fields"), Map.of(), exec -> {
            exec.select().forEachRemaining(b -> byPractice
                    .computeIfAbsent(b.get(Var.alloc("practice")), k -> new TreeMap<>())
                    .computeIfAbsent(b.get(Var.alloc("field")).getLiteralLexicalForm(), k -> new TreeSet<>())
                    .add(b.get(Var.alloc("value")).getLiteralLexicalForm()));
            return null;
        });
        List<Practice> practices = new ArrayList<>();
        for (Map<String, TreeSet<String>> fields : byPractice.values()) practices.add(practice(fields));
        practices.sort(Comparator.comparingInt(Practice::line).thenComparing(p -> p.key().toString()));
        return practices;
    }

    private static Practice practice(Map<String, TreeSet<String>> fields) {
        Practice.Key key = new Practice.Key(first(fields, "action"), first(fields, "actor"),
                List.copyOf(fields.getOrDefault("data", new TreeSet<>())), "true".equals(first(fields, "negated")));
        Map<String, List<String>> terms = new LinkedHashMap<>();
        for (String t : Practice.TERMS) terms.put(t, List.copyOf(fields.getOrDefault(t, new TreeSet<>())));
        String line = first(fields, "line");
        return new Practice(key, terms, first(fields, "evidence"), line.isEmpty() ? 0 : Integer.parseInt(line));
    }

    private static String first(Map<String, TreeSet<String>> fields, String name) {
        TreeSet<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.first();
    }
}
