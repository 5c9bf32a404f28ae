package org.privkg.view;

import static org.privkg.view.RowValues.number;
import static org.privkg.view.RowValues.value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.privkg.query.InternalQueries;
import org.privkg.rdf.Iris;
import org.privkg.vocab.PK;

/**
 * What one policy's graph says, gathered for its page: the practices with the nodes they name, the text in
 * reading order, the data subject (the source of what no practice says comes from elsewhere), the policy's own data hierarchy (child IRI to parent IRIs), and its metadata ('load --meta'). Every list is sorted, so the
 * same graph always gives the same page.
 */
public record PolicyFlows(String id, String iri, FlowNode user, List<Practice> practices, List<TextBlock> text,
                          Map<String, List<String>> broader, PolicyAbout about) {

    /** The policy's flows, or empty when the dataset has no policy with this id. */
    public static Optional<PolicyFlows> read(DatasetGraph dsg, Iris iris, String id) {
        Node g = iris.policy(id);
        Map<String, Builder> practices = new TreeMap<>();
        InternalQueries.select(dsg, "policy-practices", Map.of("g", g), row -> practices
                .computeIfAbsent(value(row, "practice"), k -> new Builder(k, row)).add(row));
        List<TextBlock> blocks = new ArrayList<>();
        InternalQueries.select(dsg, "policy-text", Map.of("g", g), row -> blocks.add(new TextBlock(value(row, "node"),
                number(row, "line"), row.get("start") == null ? -1 : number(row, "start"),
                row.get("level") == null ? 0 : (int) number(row, "level"),
                row.get("heading") != null ? value(row, "heading") : value(row, "annotated"))));
        if (practices.isEmpty() && blocks.isEmpty()) return Optional.empty();
        blocks.sort(Comparator.comparingLong(TextBlock::line).thenComparingLong(TextBlock::start));
        Map<String, TreeSet<String>> broader = new TreeMap<>();
        InternalQueries.select(dsg, "policy-broader", Map.of("g", g), row ->
                broader.computeIfAbsent(value(row, "child"), k -> new TreeSet<>()).add(value(row, "parent")));
        Map<String, List<String>> parents = new TreeMap<>();
        broader.forEach((k, v) -> parents.put(k, List.copyOf(v)));
        List<Practice> list = practices.values().stream().map(Builder::build)
                .sorted(Comparator.comparingInt(Practice::number)).toList();
        return Optional.of(new PolicyFlows(id, g.getURI(), new FlowNode(iris.dataSubject().getURI(), FlowNode.Kind.USER, "用户"), list, List.copyOf(blocks), parents,
                PolicyAbout.read(dsg, g)));
    }

    /** Collects the rows of one practice. */
    private static final class Builder {
        private final String iri;
        private final String clause;
        private final String action;
        private final String actionText;
        private final boolean negated;
        private final boolean crossBorder;
        private final Map<String, Map<String, FlowNode>> byRole = new TreeMap<>();

        Builder(String iri, Binding first) {
            this.iri = iri;
            this.clause = value(first, "clause");
            String a = value(first, "action");
            this.action = a == null ? "" : a.substring(Math.max(a.lastIndexOf('#'), a.lastIndexOf('/')) + 1);
            this.actionText = value(first, "actionText");
            this.negated = "true".equals(value(first, "negated"));
            this.crossBorder = "true".equals(value(first, "crossBorder"));
        }

        void add(Binding row) {
            String role = value(row, "role");
            String node = value(row, "node");
            if (role == null || node == null) return;
            String type = value(row, "type");
            // a node has one privkg type; other rdf:types (none today) must not make it a third party
            if (type != null && !type.startsWith(PK.NS)) type = null;
            FlowNode n = new FlowNode(node, FlowNode.Kind.ofType(type), value(row, "label"));
            Map<String, FlowNode> nodes = byRole.computeIfAbsent(role.substring(role.lastIndexOf('#') + 1), k -> new TreeMap<>());
            FlowNode old = nodes.get(node);
            if (old == null || old.label() == null) nodes.put(node, n);
        }

        private List<FlowNode> nodes(String role) {
            return byRole.getOrDefault(role, Map.of()).values().stream()
                    .sorted(Comparator.comparing(FlowNode::name).thenComparing(FlowNode::iri)).toList();
        }

        Practice build() {
            List<FlowNode> actors = nodes("actor");
            String n = iri.substring(iri.lastIndexOf('/') + 1);
            return new Practice(n.matches("\\d{1,9}") ? Integer.parseInt(n) : 0, iri, clause, action, actionText, negated,
                    crossBorder, actors.isEmpty() ? null : actors.get(0), nodes("data"), nodes("purpose"),
                    nodes("recipient"), nodes("source"), nodes("storedIn"));
        }
    }
}
