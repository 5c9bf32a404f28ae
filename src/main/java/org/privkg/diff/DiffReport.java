package org.privkg.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PolicyDiff} for people (text, one practice a block, like a unified diff's headers) or for
 * programs (JSON). {@code from} and {@code to} say what was compared: a file name, or a policy version.
 */
public record DiffReport(String from, String to, PolicyDiff diff) {

    public void writeText(PrintWriter out) {
        out.println("--- " + from);
        out.println("+++ " + to);
        for (Practice p : diff.removed()) {
            out.println("- " + p.key() + "  (line " + p.line() + ")");
            terms(out, p);
            out.println("    evidence: " + p.evidence());
        }
        for (Practice p : diff.added()) {
            out.println("+ " + p.key() + "  (line " + p.line() + ")");
            terms(out, p);
            out.println("    evidence: " + p.evidence());
        }
        for (PolicyDiff.Change c : diff.changed()) {
            out.println("~ " + c.to().key() + "  (line " + c.from().line() + " → " + c.to().line() + ")");
            for (String f : c.fields()) out.println("    " + f + ": " + values(c.from().term(f)) + " → " + values(c.to().term(f)));
            out.println("    evidence: " + c.to().evidence());
        }
        out.println(diff.identical() ? "no practice differs"
                : diff.added().size() + " added, " + diff.removed().size() + " removed, " + diff.changed().size() + " changed");
        out.flush();
    }

    /** The terms a practice states (flags only when true): what an added or removed practice says. */
    private static void terms(PrintWriter out, Practice p) {
        for (String t : Practice.TERMS) {
            List<String> v = p.term(t);
            if (v.isEmpty() || v.equals(List.of("false"))) continue;
            out.println("    " + t + ": " + (v.equals(List.of("true")) ? "yes" : values(v)));
        }
    }

    private static String values(List<String> v) {
        return v.isEmpty() ? "(none)" : String.join("; ", v);
    }

    /** {"from", "to", "added": [practice], "removed": [practice], "changed": [{key, fields: {name: {from, to}}, from, to}]}. */
    public void writeJson(OutputStream out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", from);
        doc.put("to", to);
        doc.put("added", diff.added().stream().map(DiffReport::practice).toList());
        doc.put("removed", diff.removed().stream().map(DiffReport::practice).toList());
        List<Object> changed = new ArrayList<>();
        for (PolicyDiff.Change c : diff.changed()) {
            Map<String, Object> m = key(c.to().key());
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String f : c.fields()) {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("from", json(f, c.from()));
                both.put("to", json(f, c.to()));
                fields.put(f, both);
            }
            m.put("fields", fields);
            m.put("from", evidence(c.from()));
            m.put("to", evidence(c.to()));
            changed.add(m);
        }
        doc.put("changed", changed);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, doc);
        out.write('\n');
        out.flush();
    }

    private static Map<String, Object> practice(Practice p) {
        Map<String, Object> m = key(p.key());
        for (String t : Practice.TERMS) m.put(t, json(t, p));
        m.putAll(evidence(p));
        return m;
    }

    /** A flag as a boolean, the other terms as arrays. */
    private static Object json(String term, Practice p) {
        return Practice.isFlag(term) ? Boolean.valueOf(p.term(term).equals(List.of("true"))) : p.term(term);
    }

    private static Map<String, Object> key(Practice.Key k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", k.action());
        m.put("actor", k.actor());
        m.put("data", k.data());
        m.put("negated", k.negated());
        return m;
    }

    private static Map<String, Object> evidence(Practice p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", p.line());
        m.put("evidence", p.evidence());
        return m;
    }
}
