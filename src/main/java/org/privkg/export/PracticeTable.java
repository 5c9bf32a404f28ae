package org.privkg.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;

/**
 * The practices as a flat table for pandas and R: one row per practice × data item × purpose (a practice
 * without data or purposes still gets a row, with those columns empty). CSV (RFC 4180, UTF-8, CRLF line
 * ends, multi-valued cells joined with "; ") or JSON (an array of records; multi-valued cells as arrays,
 * flags as booleans, numbers as numbers). Rows are ordered by policy, practice number, data item, purpose.
 */
public final class PracticeTable {
    /** A column: its name, the query variable it comes from, and the kind of value it holds. */
    private record Column(String name, String var, Kind kind) {
    }

    private enum Kind { TEXT, INTEGER, BOOLEAN, LIST, CURIE, CURIES }

    private static final List<Column> COLUMNS = List.of(
            new Column("policy", "policyId", Kind.TEXT),
            new Column("practice", "practiceNo", Kind.INTEGER),
            new Column("line", "line", Kind.INTEGER),
            new Column("actor", "actor", Kind.TEXT),
            new Column("actorRole", "actorRole", Kind.TEXT),
            new Column("action", "action", Kind.TEXT),
            new Column("actionText", "actionText", Kind.TEXT),
            new Column("data", "dataItem", Kind.TEXT),
            new Column("dataDpv", "dataDpv", Kind.CURIE),
            new Column("dataPipl", "dataPipl", Kind.LIST),
            new Column("purpose", "purpose", Kind.TEXT),
            new Column("purposeDpv", "purposeDpv", Kind.CURIES),
            new Column("recipients", "recipients", Kind.LIST),
            new Column("sources", "sources", Kind.LIST),
            new Column("storedIn", "storedIn", Kind.LIST),
            new Column("requiresConsent", "requiresConsent", Kind.BOOLEAN),
            new Column("requiresSeparateConsent", "requiresSeparateConsent", Kind.BOOLEAN),
            new Column("negated", "negated", Kind.BOOLEAN),
            new Column("inferred", "inferred", Kind.BOOLEAN),
            new Column("entrustedProcessing", "entrustedProcessing", Kind.BOOLEAN),
            new Column("crossBorder", "crossBorder", Kind.BOOLEAN),
            new Column("evidence", "clauseText", Kind.TEXT),
            new Column("practiceIri", "practice", Kind.TEXT));

    private static final String SEPARATOR = "; ";

    private final DatasetGraph dsg;
    private final PrefixMapping prefixes;
    private final Query query;
    private final Binding allPolicies;

    /** The table of a store; {@link #writeCsv} and {@link #writeJson} run inside a read transaction of {@code dsg}. */
    public PracticeTable(DatasetGraph dsg, PrefixMapping prefixes) {
        NamedQuery q = QueryLibrary.internal("practices");
        this.dsg = dsg;
        this.prefixes = prefixes;
        this.query = QueryRunner.compile(q);
        this.allPolicies = QueryRunner.bind(q, Map.of());
    }

    public static List<String> columnNames() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /**
     * The rows of the policies, in the query's order (policy id, practice, data item, purpose), one policy at
     * a time: each policy's graph is copied into memory and queried alone, so memory holds one policy, whatever
     * the corpus; its IRIs are all the policy's own, so the rows are those the query gives over the whole store.
     */
    private long forEachRow(Map<String, Node> graphsById, Consumer<Map<String, Object>> sink) {
        List<String> ids = new ArrayList<>(graphsById.keySet());
        ids.sort(Comparator.naturalOrder()); // as ORDER BY ?policyId compares plain strings
        long rows = 0;
        for (String id : ids) {
            Graph copy = GraphMemFactory.createDefaultGraph();
            GraphUtil.addInto(copy, dsg.getGraph(graphsById.get(id)));
            DatasetGraph one = DatasetGraphFactory.create(copy);
            one.addGraph(graphsById.get(id), copy);
            try (QueryExec exec = QueryExec.dataset(one).query(query).substitution(allPolicies).build()) {
                for (var it = exec.select(); it.hasNext(); rows++) sink.accept(row(it.next(), prefixes));
            }
        }
        return rows;
    }

    private static Map<String, Object> row(Binding b, PrefixMapping prefixes) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column c : COLUMNS) {
            Node n = b.get(Var.alloc(c.var));
            String s = n == null ? null : n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
            if (s != null && s.isEmpty() && c.kind != Kind.TEXT) s = null;
            row.put(c.name, switch (c.kind) {
                case TEXT -> s;
                case INTEGER -> s == null ? null : Long.valueOf(s);
                case BOOLEAN -> s == null ? null : Boolean.valueOf(s);
                case LIST -> s == null ? List.of() : Arrays.stream(s.split(SEPARATOR)).sorted().toList();
                case CURIE -> s == null ? null : prefixes.shortForm(s);
                case CURIES -> s == null ? List.of() : Arrays.stream(s.split(SEPARATOR)).map(prefixes::shortForm).sorted().toList();
            });
        }
        return row;
    }

    /** JSON: an array of records, pretty-printed, UTF-8, written row by row; returns the number of rows. */
    public long writeJson(Map<String, Node> graphsById, OutputStream out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        long rows;
        try (SequenceWriter array = json.writer().writeValuesAsArray(out)) {
            rows = forEachRow(graphsById, row -> {
                try {
                    array.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        out.write('\n');
        out.flush();
        return rows;
    }

    /** CSV as RFC 4180 has it: a header row, fields quoted when they must be, CRLF line ends, UTF-8; returns the number of rows. */
    public long writeCsv(Map<String, Node> graphsById, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeCsvRow(w, columnNames());
        long rows = forEachRow(graphsById, row -> {
            List<String> cells = new ArrayList<>();
            for (Column c : COLUMNS) cells.add(cell(row.get(c.name)));
            try {
                writeCsvRow(w, cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
        return rows;
    }

    private static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof List<?> l) return String.join(SEPARATOR, l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    static void writeCsvRow(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    /** Quotes a field that holds a comma, a quote, a line end, or white space at either end; quotes are doubled. */
    static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
