package org.privkg.view;

import static org.privkg.view.Markup.line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * A policy's data flows as SVG, in four columns: where data comes from (the user, sources), who handles it (the
 * first party, third parties acting themselves), which data items (in the policy's own hierarchy, children
 * indented under their parent), and where it goes (recipients, storage places). An edge gathers the practices
 * it stands for; a negated practice is a dashed edge labelled 不会, never a flow. Personal data starts with the user:
 * a practice that names no source gets a faint edge from the user ("implied": the policy does not say).
 */
public final class FlowDiagram {
    static final String[] COLUMNS = {"来源 Sources", "处理者 Handlers", "个人信息 Data", "去向 Destinations"};
    private static final int WIDTH = 1000, NODE_W = 220, NODE_H = 28, GAP = 10, TOP = 40, INDENT = 14;
    private static final int[] COLUMN_X = {10, 270, 530, 770};
    private static final int LABEL_CHARS = 14;

    private FlowDiagram() {
    }

    /** A box of the diagram. */
    private record Box(FlowNode node, int column, int depth, int y) {
        int x() {
            return COLUMN_X[column] + depth * INDENT;
        }

        int width() {
            return NODE_W - depth * INDENT;
        }
    }

    /** The practices one edge stands for. */
    private static final class Edge {
        final Box from, to;
        final boolean negated;
        final Set<String> verbs = new TreeSet<>(), purposes = new TreeSet<>();
        final Set<Integer> practices = new TreeSet<>();
        boolean crossBorder;
        /** True while every practice of the edge leaves its source unstated. */
        boolean implied = true;

        Edge(Box from, Box to, boolean negated) {
            this.from = from;
            this.to = to;
            this.negated = negated;
        }
    }

    /**
     * Appends the SVG of a policy's flows to {@code parent}.
     *
     * @param idPrefix makes the title and description ids unique on a page that holds several diagrams
     * @param href     where a node links to, or null for a node without a page
     */
    public static void appendTo(Element parent, PolicyFlows flows, String idPrefix, Function<FlowNode, String> href) {
        List<List<FlowNode>> columns = new ArrayList<>(List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
        Map<String, Integer> depth = new TreeMap<>();
        for (Practice p : flows.practices()) {
            if (p.sources().isEmpty() && !p.negated() && p.actor() != null) addOnce(columns.get(0), flows.user());
            p.sources().forEach(n -> addOnce(columns.get(0), n));
            if (p.actor() != null) addOnce(columns.get(1), p.actor());
            p.data().forEach(n -> addOnce(columns.get(2), n));
            p.recipients().forEach(n -> addOnce(columns.get(3), n));
            p.storedIn().forEach(n -> addOnce(columns.get(3), n));
        }
        for (int c : new int[] {0, 1, 3}) columns.get(c).sort(Comparator.comparing((FlowNode n) -> n.kind().ordinal()).thenComparing(FlowNode::name));
        List<FlowNode> data = hierarchyOrder(columns.get(2), flows.broader(), depth);
        columns.set(2, data);

        Map<String, Box>[] boxes = new Map[4];
        int rows = 0;
        for (int c = 0; c < 4; c++) {
            boxes[c] = new LinkedHashMap<>();
            int y = TOP;
            for (FlowNode n : columns.get(c)) {
                boxes[c].put(n.iri(), new Box(n, c, c == 2 ? Math.min(depth.getOrDefault(n.iri(), 0), 4) : 0, y));
                y += NODE_H + GAP;
            }
            rows = Math.max(rows, columns.get(c).size());
        }
        Map<String, Edge> edges = new TreeMap<>();
        for (Practice p : flows.practices()) {
            Box actor = p.actor() == null ? null : boxes[1].get(p.actor().iri());
            for (FlowNode s : p.sources()) edge(edges, boxes[0].get(s.iri()), actor, p).implied = false;
            if (p.sources().isEmpty() && !p.negated()) edge(edges, boxes[0].get(flows.user().iri()), actor, p);
            for (FlowNode d : p.data()) edge(edges, actor, boxes[2].get(d.iri()), p);
            List<FlowNode> to = new ArrayList<>(p.recipients());
            to.addAll(p.storedIn());
            for (FlowNode r : to) {
                if (p.data().isEmpty()) edge(edges, actor, boxes[3].get(r.iri()), p);
                for (FlowNode d : p.data()) edge(edges, boxes[2].get(d.iri()), boxes[3].get(r.iri()), p);
            }
        }
        int height = TOP + Math.max(rows, 1) * (NODE_H + GAP) + GAP;
        Element svg = Markup.svg(parent).addClass("flow").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + height).attr("width", String.valueOf(WIDTH)).attr("height", String.valueOf(height))
                .attr("role", "img").attr("aria-labelledby", idPrefix + "-title " + idPrefix + "-desc");
        svg.appendText("\n");
        line(svg.appendElement("title").id(idPrefix + "-title").text("Data flows of policy " + flows.id()));
        line(svg.appendElement("desc").id(idPrefix + "-desc").text(describe(columns, edges.values())));
        line(svg.appendElement("defs")).appendElement("marker").id(idPrefix + "-arrow").attr("viewBox", "0 0 10 10").attr("refX", "9")
                .attr("refY", "5").attr("markerWidth", "7").attr("markerHeight", "7").attr("orient", "auto")
                .appendElement("path").attr("d", "M0,0L10,5L0,10z").attr("fill", "#8a94a6");
        for (int c = 0; c < 4; c++) {
            line(svg.appendElement("text").addClass("column").attr("x", String.valueOf(COLUMN_X[c])).attr("y", "22").text(COLUMNS[c]));
        }
        for (Edge e : edges.values()) edge(svg, e, idPrefix);
        for (Map<String, Box> column : boxes) {
            for (Box box : column.values()) node(svg, box, flows, href);
        }
    }

    private static void addOnce(List<FlowNode> list, FlowNode n) {
        if (list.stream().noneMatch(x -> x.iri().equals(n.iri()))) list.add(n);
    }

    /** Roots by name, each followed by its children (depth-first), so a group reads top to bottom. */
    private static List<FlowNode> hierarchyOrder(List<FlowNode> items, Map<String, List<String>> broader, Map<String, Integer> depth) {
        Map<String, FlowNode> byIri = new TreeMap<>();
        items.forEach(n -> byIri.put(n.iri(), n));
        Map<String, List<FlowNode>> children = new TreeMap<>();
        List<FlowNode> roots = new ArrayList<>();
        for (FlowNode n : items) {
            String parent = broader.getOrDefault(n.iri(), List.of()).stream().filter(byIri::containsKey).findFirst().orElse(null);
            if (parent == null || parent.equals(n.iri())) roots.add(n);
            else children.computeIfAbsent(parent, k -> new ArrayList<>()).add(n);
        }
        Comparator<FlowNode> byName = Comparator.comparing(FlowNode::name).thenComparing(FlowNode::iri);
        roots.sort(byName);
        children.values().forEach(l -> l.sort(byName));
        List<FlowNode> out = new ArrayList<>();
        for (FlowNode r : roots) visit(r, 0, children, out, depth);
        // a cycle in the hierarchy leaves its members unvisited: show them as roots
        for (FlowNode n : items.stream().sorted(byName).toList()) if (!depth.containsKey(n.iri())) visit(n, 0, children, out, depth);
        return out;
    }

    private static void visit(FlowNode n, int d, Map<String, List<FlowNode>> children, List<FlowNode> out, Map<String, Integer> depth) {
        if (depth.containsKey(n.iri())) return;
        depth.put(n.iri(), d);
        out.add(n);
        for (FlowNode c : children.getOrDefault(n.iri(), List.of())) visit(c, d + 1, children, out, depth);
    }

    private static Edge edge(Map<String, Edge> edges, Box from, Box to, Practice p) {
        if (from == null || to == null) return new Edge(from, to, false);
        String key = from.column() + from.node().iri() + " " + to.column() + to.node().iri() + " " + p.negated();
        Edge e = edges.computeIfAbsent(key, k -> new Edge(from, to, p.negated()));
        e.verbs.add(p.verb());
        p.purposes().forEach(u -> e.purposes.add(u.name()));
        e.practices.add(p.number());
        e.crossBorder |= p.crossBorder() && to.column() == 3;
        if (from.column() != 0) e.implied = false;
        return e;
    }

    private static void edge(Element svg, Edge e, String idPrefix) {
        int x1 = e.from.x() + e.from.width(), y1 = e.from.y() + NODE_H / 2, x2 = e.to.x(), y2 = e.to.y() + NODE_H / 2;
        int mid = (x1 + x2) / 2;
        String cls = "edge" + (e.negated ? " negated" : "") + (e.crossBorder ? " cross-border" : "") + (e.implied ? " implied" : "");
        String label = (e.negated ? "不会" : "") + String.join("、", e.verbs);
        Element g = line(svg.appendElement("g").attr("class", cls).attr("data-from", e.from.node().iri()).attr("data-to", e.to.node().iri())
                .attr("data-negated", String.valueOf(e.negated)));
        g.appendElement("title").text(label + (e.implied ? " · source not stated: the user" : "") + (e.crossBorder ? " · 跨境" : "")
                + (e.purposes.isEmpty() ? "" : " · 目的：" + String.join("；", e.purposes))
                + " · practice " + e.practices.stream().map(String::valueOf).reduce((a, c) -> a + ", " + c).orElse(""));
        g.appendElement("path").attr("d", String.format(Locale.ROOT, "M%d,%dC%d,%d %d,%d %d,%d", x1, y1, mid, y1, mid, y2, x2 - 2, y2))
                .attr("marker-end", "url(#" + idPrefix + "-arrow)");
        if (e.negated || e.crossBorder) {
            String text = e.negated ? "不会" + String.join("、", e.verbs) : "跨境";
            g.appendElement("text").attr("x", String.valueOf(mid)).attr("y", String.valueOf((y1 + y2) / 2 - 3)).text(shorten(text));
        }
    }

    private static void node(Element svg, Box box, PolicyFlows flows, Function<FlowNode, String> href) {
        FlowNode n = box.node();
        String link = href == null ? null : href.apply(n);
        Element holder = link == null ? svg : line(svg.appendElement("a").attr("href", link));
        Element g = holder.appendElement("g").attr("class", "node kind-" + n.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .attr("data-iri", n.iri()).attr("data-column", String.valueOf(box.column()));
        if (link == null) line(g);
        g.appendElement("title").text(n.name() + purposesOf(n, flows));
        g.appendElement("rect").attr("x", String.valueOf(box.x())).attr("y", String.valueOf(box.y())).attr("width", String.valueOf(box.width()))
                .attr("height", String.valueOf(NODE_H)).attr("rx", "5");
        g.appendElement("text").attr("x", String.valueOf(box.x() + 8)).attr("y", String.valueOf(box.y() + 19)).text(shorten(n.name()));
    }

    /** A data item's purposes, for its tooltip: what the policy says the item is used for. */
    private static String purposesOf(FlowNode n, PolicyFlows flows) {
        if (n.kind() != FlowNode.Kind.DATA) return "";
        Set<String> purposes = new TreeSet<>();
        for (Practice p : flows.practices()) {
            if (!p.negated() && p.data().stream().anyMatch(d -> d.iri().equals(n.iri()))) p.purposes().forEach(u -> purposes.add(u.name()));
        }
        return purposes.isEmpty() ? "" : " — 目的：" + String.join("；", purposes);
    }

    private static String describe(List<List<FlowNode>> columns, java.util.Collection<Edge> edges) {
        long negated = edges.stream().filter(e -> e.negated).count();
        return String.format(Locale.ROOT, "%d sources, %d handlers, %d data items and %d destinations, joined by %d flows (%d of them stated as not happening).",
                columns.get(0).size(), columns.get(1).size(), columns.get(2).size(), columns.get(3).size(), edges.size(), negated);
    }

    static String shorten(String s) {
        int[] cps = s.codePoints().toArray();
        return cps.length <= LABEL_CHARS ? s : new String(cps, 0, LABEL_CHARS - 1) + "…";
    }
}
