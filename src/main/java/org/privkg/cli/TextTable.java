package org.privkg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.core.Var;

/** A result set as a plain text table: literal values as written, IRIs shortened, CJK counted double width. */
final class TextTable {
    private TextTable() {
    }

    /** Prints the rows; returns how many there were. */
    static int print(RowSet rows, PrefixMapping prefixes, PrintWriter out) {
        List<Var> vars = rows.getResultVars();
        List<String[]> cells = new ArrayList<>();
        while (rows.hasNext()) {
            Binding b = rows.next();
            String[] row = new String[vars.size()];
            for (int i = 0; i < vars.size(); i++) row[i] = show(b.get(vars.get(i)), prefixes);
            cells.add(row);
        }
        int[] width = new int[vars.size()];
        for (int i = 0; i < vars.size(); i++) width[i] = width(vars.get(i).getVarName());
        for (String[] row : cells) for (int i = 0; i < row.length; i++) width[i] = Math.max(width[i], width(row[i]));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) line.append(i == 0 ? "" : "  ").append(pad(vars.get(i).getVarName(), width[i]));
        out.println(line.toString().stripTrailing());
        line.setLength(0);
        for (int i = 0; i < vars.size(); i++) line.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        out.println(line);
        for (String[] row : cells) {
            line.setLength(0);
            for (int i = 0; i < row.length; i++) line.append(i == 0 ? "" : "  ").append(pad(row[i], width[i]));
            out.println(line.toString().stripTrailing());
        }
        out.println("(" + cells.size() + " " + (cells.size() == 1 ? "row" : "rows") + ")");
        out.flush();
        return cells.size();
    }

    static String show(Node n, PrefixMapping prefixes) {
        if (n == null) return "";
        if (n.isLiteral()) return n.getLiteralLexicalForm();
        if (n.isURI()) {
            String s = prefixes.shortForm(n.getURI());
            return s.equals(n.getURI()) ? "<" + s + ">" : s;
        }
        return n.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - width(s)));
    }

    /** Display width: East Asian wide and full-width characters take two columns. */
    static int width(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
