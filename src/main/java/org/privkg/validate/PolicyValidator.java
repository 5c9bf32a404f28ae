package org.privkg.validate;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.store.PolicyStore;

/**
 * Checks policy graphs against the SHACL shapes of ontology/shapes.ttl. Each policy graph is validated
 * together with the bundled ontology graph (it types the action concepts the shapes refer to).
 */
public final class PolicyValidator {
    /** One SHACL result: which policy, which node, along which path, and what is wrong. */
    public record Violation(String policy, Node focus, Path path, Node value, String message, String severity) {
        /** One line for people: {@code POLICY: FOCUS PATH: MESSAGE (value: V)}, IRIs shortened by the prefixes. */
        public String format(PrefixMapping prefixes) {
            StringBuilder sb = new StringBuilder(policy).append(": ").append(node(focus, prefixes));
            if (path != null) sb.append(' ').append(PathWriter.asString(path, new org.apache.jena.sparql.core.Prologue(prefixes)));
            sb.append(": ").append(message);
            if (value != null && !value.equals(focus)) sb.append(" (value: ").append(node(value, prefixes)).append(')');
            if (!"Violation".equals(severity)) sb.append(" [").append(severity).append(']');
            return sb.toString();
        }

        /** IRIs as prefix:rest, like the query tables (policy:finance/practice/3), other terms as in SPARQL. */
        private static String node(Node n, PrefixMapping prefixes) {
            if (n.isURI()) {
                String s = prefixes.shortForm(n.getURI());
                return s.equals(n.getURI()) ? "<" + s + ">" : s;
            }
            return FmtUtils.stringForNode(n, prefixes);
        }
    }

    private static volatile Shapes shapes;

    private final Graph ontology;

    public PolicyValidator() {
        this.ontology = PolicyStore.Ontology.graph();
    }

    /** The bundled shapes, parsed once. */
    public static Shapes shapes() {
        Shapes s = shapes;
        if (s == null) {
            synchronized (PolicyValidator.class) {
                if (shapes == null) {
                    Graph g = GraphFactory.createDefaultGraph();
                    try (InputStream in = PolicyValidator.class.getResourceAsStream("/privkg/ontology/shapes.ttl")) {
                        if (in == null) throw new IllegalStateException("shapes missing from the build");
                        RDFParser.source(in).lang(Lang.TURTLE).parse(g);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot read the bundled shapes", e);
                    }
                    shapes = Shapes.parse(g);
                }
                s = shapes;
            }
        }
        return s;
    }

    /** Validates one policy's graph (from a store or anywhere else); results in a stable order. */
    public List<Violation> validate(String policyId, Graph policyGraph) {
        return check(policyId, policyGraph.find());
    }

    /** Validates one policy's quads, as a load is about to store them (their graph names are ignored). */
    public List<Violation> validate(String policyId, List<Quad> quads) {
        return check(policyId, quads.stream().map(Quad::asTriple).iterator());
    }

    /** Validates an extracted policy as it would be stored under the given IRIs. */
    public List<Violation> validate(ExtractedPolicy policy, Iris iris) {
        return validate(policy.id(), new PolicyGraphWriter(iris).quads(policy));
    }

    private List<Violation> check(String policyId, Iterator<Triple> policyTriples) {
        // a plain in-memory copy validates several times faster than a union view or a TDB graph
        Graph data = GraphFactory.createDefaultGraph();
        ontology.find().forEachRemaining(data::add);
        policyTriples.forEachRemaining(data::add);
        ValidationReport report = ShaclValidator.get().validate(shapes(), data);
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            out.add(new Violation(policyId, e.focusNode(), e.resultPath(), e.value(), e.message(), severityName(e)));
        }
        out.sort(Comparator.comparing((Violation v) -> v.focus().toString())
                .thenComparing(v -> v.path() == null ? "" : v.path().toString())
                .thenComparing(Violation::message));
        return out;
    }

    private static String severityName(ReportEntry e) {
        String s = e.severity().level().getLocalName();
        return s == null ? "Violation" : s;
    }
}
