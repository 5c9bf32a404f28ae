package org.privkg.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSetStream;

/** A check report as text (for reading), JSON (nested by policy and check) or CSV (one row per finding or pass). */
public final class CheckReportWriter {
    public static final List<String> FORMATS = List.of("text", "json", "csv");
    private static final List<String> COLUMNS = List.of("policyId", "check", "verdict", "source", "line", "practice", "clause", "detail");

    private CheckReportWriter() {
    }

    public static void write(CheckReport r, String format, OutputStream out) throws IOException {
        switch (format) {
            case "json" -> json(r, out);
            case "csv" -> csv(r, out);
            default -> text(r, out);
        }
    }

    private static void text(CheckReport r, OutputStream os) {
        PrintStream out = new PrintStream(os, false, StandardCharsets.UTF_8);
        int failed = 0;
        for (String p : r.policies()) {
            out.println(p);
            for (Check c : r.checks()) {
                List<Finding> fs = r.findings(c.name(), p);
                if (!fs.isEmpty()) failed++;
                out.println("  " + (fs.isEmpty() ? "pass" : "FAIL") + "  " + c.name() + " — " + c.title() + " [" + c.source() + "]");
                for (Finding f : fs) {
                    out.println("        line " + f.line() + ": " + f.detail());
                    if (!f.clause().isEmpty()) out.println("          " + f.clause());
                }
            }
        }
        out.println(count(r.policies().size(), "policy", "policies") + ", " + count(r.checks().size(), "check", "checks") + ": "
                + failed + " failed, " + count(r.findings().size(), "finding", "findings"));
        out.flush();
    }

    private static void json(CheckReport r, OutputStream out) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        ArrayNode checks = root.putArray("checks");
        for (Check c : r.checks()) checks.addObject().put("name", c.name()).put("title", c.title()).put("source", c.source());
        ArrayNode policies = root.putArray("policies");
        for (String p : r.policies()) {
            ObjectNode pn = policies.addObject().put("policyId", p);
            ArrayNode verdicts = pn.putArray("checks");
            for (Check c : r.checks()) {
                List<Finding> fs = r.findings(c.name(), p);
                ObjectNode v = verdicts.addObject().put("check", c.name()).put("verdict", fs.isEmpty() ? "pass" : "fail");
                ArrayNode evidence = v.putArray("findings");
                for (Finding f : fs) {
                    evidence.addObject().put("line", f.line()).put("practice", f.practice()).put("clause", f.clause()).put("detail", f.detail());
                }
            }
        }
        m.writeValue(new NonClosing(out), root);
        out.write('\n');
        out.flush();
    }

    /** Through Jena's CSV writer, as 'privkg query --format csv' writes. */
    private static void csv(CheckReport r, OutputStream out) {
        List<Binding> rows = new ArrayList<>();
        for (String p : r.policies()) {
            for (Check c : r.checks()) {
                List<Finding> fs = r.findings(c.name(), p);
                if (fs.isEmpty()) rows.add(row(p, c, "pass", "", "", "", ""));
                for (Finding f : fs) rows.add(row(p, c, "fail", f.line(), f.practice(), f.clause(), f.detail()));
            }
        }
        List<Var> vars = COLUMNS.stream().map(Var::alloc).toList();
        ResultSetFormatter.outputAsCSV(out, ResultSet.adapt(RowSetStream.create(vars, rows.iterator())));
    }

    private static Binding row(String policy, Check c, String verdict, String line, String practice, String clause, String detail) {
        BindingBuilder b = BindingBuilder.create();
        String[] values = {policy, c.name(), verdict, c.source(), line, practice, clause, detail};
        for (int i = 0; i < values.length; i++) b.add(Var.alloc(COLUMNS.get(i)), NodeFactory.createLiteralString(values[i]));
        return b.build();
    }

    /** Jackson closes the stream it writes to; standard output must stay open. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
