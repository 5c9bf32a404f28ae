package org.privkg.view;

import static org.privkg.view.Markup.line;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The body of a policy's page: its flow diagram, its practices, its text with the marks highlighted (each
 * clause linked to the practices taken from it and back), and check findings when there are any.
 *
 * @param anchor prefixes the page's own anchors, so several policies fit in one report
 * @param href   where a node links to (null for none)
 */
public record PolicyPage(PolicyFlows flows, String anchor, Function<FlowNode, String> href, PolicyChecks checks) {

    /** Appends the policy's section to {@code parent}. */
    public void appendTo(Element parent) {
        Element s = line(parent.appendElement("section").addClass("policy").id(anchor));
        s.appendText("\n");
        line(s.appendElement("h1").text(flows.id()));
        about(s);
        Element summary = line(s.appendElement("p").addClass("muted"));
        summary.appendText(flows.practices().size() + " practices from " + flows.text().stream().filter(t -> !t.heading()).count() + " clauses · ");
        summary.appendElement("a").attr("href", "#" + anchor + "-text").text("text");
        summary.appendText(" · ");
        summary.appendElement("a").attr("href", "#" + anchor + "-practices").text("practices");
        line(s.appendElement("h2").text("Data flows"));
        FlowDiagram.appendTo(line(s.appendElement("div").addClass("diagram")), flows, anchor + "-flow", href);
        legend(s);
        findings(s);
        practices(s);
        text(s);
    }

    /** The app, sector, version date and source 'load --meta' stored, on one line; nothing without them. */
    private void about(Element s) {
        PolicyAbout a = flows.about();
        if (a == null || a.isEmpty()) return;
        Element p = line(s.appendElement("p").addClass("about"));
        String sep = "";
        if (a.app() != null) { p.appendElement("b").text(a.app()); sep = " · "; }
        if (a.sector() != null) { p.appendText(sep + "行业 sector: " + a.sector()); sep = " · "; }
        if (a.versionDate() != null) { p.appendText(sep + "版本 version of " + a.versionDate()); sep = " · "; }
        // only web addresses become links: the metadata graph can also be written by SPARQL updates
        if (a.sourceUrl() != null && a.sourceUrl().matches("(?i)https?://.*")) {
            p.appendText(sep);
            p.appendElement("a").attr("href", a.sourceUrl()).text("source");
        }
    }

    private static final String[][] LEGEND = {
        {"kind-user", "用户 user "}, {"kind-first-party", "第一方 first party "}, {"kind-third-party", "第三方 third party "},
        {"kind-data", "个人信息 data "}, {"kind-place", "存储 storage · dashed: 不会 (the policy says it does not happen) · hover an item or a line for its purposes"}};

    private static void legend(Element s) {
        Element p = line(s.appendElement("p").attr("class", "legend muted"));
        for (String[] key : LEGEND) {
            p.appendElement("span").attr("class", "key " + key[0]);
            p.appendText(key[1]);
        }
    }

    private void practices(Element s) {
        line(s.appendElement("h2").id(anchor + "-practices").text("Practices"));
        Element table = line(s.appendElement("div").addClass("wide")).appendElement("table").addClass("practices");
        table.appendText("\n");
        header(table, "#", "处理者 actor", "行为 action", "个人信息 data", "目的 purposes", "接收方/存储 to", "条款 clause");
        Element body = table.appendElement("tbody");
        body.appendText("\n");
        for (Practice p : flows.practices()) {
            Element tr = line(body.appendElement("tr").id(practiceAnchor(p.number())));
            if (p.negated()) tr.addClass("negated");
            tr.appendElement("td").text(String.valueOf(p.number()));
            Element actor = tr.appendElement("td");
            if (p.actor() != null) node(actor, p.actor());
            Element action = tr.appendElement("td");
            if (p.negated()) action.appendElement("b").addClass("not").text("不会");
            if (p.negated()) action.appendText(" ");
            action.appendText(p.verb() + " ");
            action.appendElement("span").addClass("q").text(p.action());
            if (p.crossBorder()) action.appendText(" ").appendElement("span").addClass("tag").text("跨境");
            nodes(tr.appendElement("td"), p.data());
            nodes(tr.appendElement("td"), p.purposes());
            List<FlowNode> to = new ArrayList<>(p.recipients());
            to.addAll(p.storedIn());
            nodes(tr.appendElement("td"), to);
            Element clause = tr.appendElement("td");
            if (p.clause() != null) {
                clause.appendElement("a").addClass("to-clause").attr("href", "#" + clauseAnchor(p.clause())).text(lastSegment(p.clause()));
            }
        }
    }

    private static void header(Element table, String... columns) {
        Element tr = line(table.appendElement("thead")).appendElement("tr");
        for (String c : columns) tr.appendElement("th").attr("scope", "col").text(c);
    }

    private void text(Element s) {
        Map<String, List<Practice>> byClause = new TreeMap<>();
        for (Practice p : flows.practices()) if (p.clause() != null) byClause.computeIfAbsent(p.clause(), k -> new ArrayList<>()).add(p);
        line(s.appendElement("h2").id(anchor + "-text").text("Text"));
        Element div = line(s.appendElement("div").addClass("policy-text"));
        div.appendText("\n");
        for (TextBlock t : flows.text()) {
            if (t.heading()) {
                line(div.appendElement("h" + Math.min(t.level() + 2, 6)).addClass("heading").text(t.text()));
                continue;
            }
            Element p = line(div.appendElement("p").addClass("clause").id(clauseAnchor(t.iri())));
            MarkedText.appendTo(p, t.text());
            for (Practice x : byClause.getOrDefault(t.iri(), List.of())) {
                p.appendText(" ");
                p.appendElement("a").addClass("to-practice").attr("href", "#" + practiceAnchor(x.number()))
                        .attr("aria-label", "practice " + x.number()).text("→" + x.number());
            }
        }
    }

    private void findings(Element s) {
        List<PolicyChecks.Finding> found = checks.findings(flows.id());
        if (found.isEmpty()) return;
        line(s.appendElement("h2").text("Checks"));
        Element table = line(s.appendElement("table").addClass("checks"));
        header(table, "check", "outcome", "finding");
        Element body = table.appendElement("tbody");
        body.appendText("\n");
        for (PolicyChecks.Finding f : found) {
            Element tr = line(body.appendElement("tr"));
            tr.appendElement("td").text(f.check());
            tr.appendElement("td").text(f.outcome());
            Element finding = tr.appendElement("td").text(f.message());
            if (f.clause() != null) {
                finding.appendText(" ");
                finding.appendElement("a").attr("href", "#" + clauseAnchor(f.clause())).text(lastSegment(f.clause()));
            }
        }
    }

    private void nodes(Element cell, List<FlowNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) cell.appendText("、");
            node(cell, nodes.get(i));
        }
    }

    private void node(Element cell, FlowNode n) {
        Markup.linkOrText(cell, href == null ? null : href.apply(n), n.name());
    }

    private String practiceAnchor(int n) {
        return anchor + "-practice-" + n;
    }

    private String clauseAnchor(String clauseIri) {
        return anchor + "-clause-" + lastSegment(clauseIri);
    }

    private static String lastSegment(String iri) {
        int cut = iri.lastIndexOf('/');
        String tail = iri.substring(cut + 1);
        String kind = cut > 0 ? iri.substring(iri.lastIndexOf('/', cut - 1) + 1, cut) : "";
        return kind.equals("clause") ? tail : kind + "-" + tail;
    }
}
