package org.privkg.view;

import static org.privkg.view.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The body of a policy's page: its flow diagram, its practices, its text with the marks highlighted (each
 * clause linked to the practices taken from it and back), and check findings when there are any.
 *
 * @param anchor prefixes the page's own anchors, so several policies fit in one report
 * @param href   where a node links to (null for none)
 */
public record PolicyPage(PolicyFlows flows, String anchor, Function<FlowNode, String> href, PolicyChecks checks) {

    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<section class=\"policy\" id=\"").append(anchor).append("\">\n");
        b.append("<h1>").append(esc(flows.id())).append("</h1>\n");
        about(b);
        b.append("<p class=\"muted\">").append(flows.practices().size()).append(" practices from ")
                .append(flows.text().stream().filter(t -> !t.heading()).count()).append(" clauses · <a href=\"#")
                .append(anchor).append("-text\">text</a> · <a href=\"#").append(anchor).append("-practices\">practices</a></p>\n");
        b.append("<h2>Data flows</h2>\n<div class=\"diagram\">").append(FlowDiagram.svg(flows, anchor + "-flow", href)).append("</div>\n");
        b.append(LEGEND);
        findings(b);
        practices(b);
        text(b);
        return b.append("</section>\n").toString();
    }

    /** The app, sector, version date and source 'load --meta' stored, on one line; nothing without them. */
    private void about(StringBuilder b) {
        PolicyAbout a = flows.about();
        if (a == null || a.isEmpty()) return;
        List<String> parts = new ArrayList<>();
        if (a.app() != null) parts.add("<b>" + esc(a.app()) + "</b>");
        if (a.sector() != null) parts.add("行业 sector: " + esc(a.sector()));
        if (a.versionDate() != null) parts.add("版本 version of " + esc(a.versionDate()));
        // only web addresses become links: the metadata graph can also be written by SPARQL updates
        if (a.sourceUrl() != null && a.sourceUrl().matches("(?i)https?://.*")) {
            parts.add("<a href=\"" + esc(a.sourceUrl()) + "\">source</a>");
        }
        b.append("<p class=\"about\">").append(String.join(" · ", parts)).append("</p>\n");
    }

    private static final String LEGEND = "<p class=\"legend muted\"><span class=\"key kind-user\"></span>用户 user "
            + "<span class=\"key kind-first-party\"></span>第一方 first party <span class=\"key kind-third-party\"></span>第三方 third party "
            + "<span class=\"key kind-data\"></span>个人信息 data <span class=\"key kind-place\"></span>存储 storage · "
            + "dashed: 不会 (the policy says it does not happen) · hover an item or a line for its purposes</p>\n";

    private void practices(StringBuilder b) {
        b.append("<h2 id=\"").append(anchor).append("-practices\">Practices</h2>\n<div class=\"wide\"><table class=\"practices\">\n")
                .append("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">处理者 actor</th><th scope=\"col\">行为 action</th>")
                .append("<th scope=\"col\">个人信息 data</th><th scope=\"col\">目的 purposes</th><th scope=\"col\">接收方/存储 to</th>")
                .append("<th scope=\"col\">条款 clause</th></tr></thead>\n<tbody>\n");
        for (Practice p : flows.practices()) {
            b.append("<tr id=\"").append(practiceAnchor(p.number())).append("\"").append(p.negated() ? " class=\"negated\"" : "").append(">");
            b.append("<td>").append(p.number()).append("</td><td>").append(p.actor() == null ? "" : node(p.actor())).append("</td>");
            b.append("<td>").append(p.negated() ? "<b class=\"not\">不会</b> " : "").append(esc(p.verb()))
                    .append(" <span class=\"q\">").append(esc(p.action())).append("</span>")
                    .append(p.crossBorder() ? " <span class=\"tag\">跨境</span>" : "").append("</td>");
            b.append("<td>").append(nodes(p.data())).append("</td><td>").append(nodes(p.purposes())).append("</td>");
            List<FlowNode> to = new ArrayList<>(p.recipients());
            to.addAll(p.storedIn());
            b.append("<td>").append(nodes(to)).append("</td><td>");
            if (p.clause() != null) {
                b.append("<a class=\"to-clause\" href=\"#").append(clauseAnchor(p.clause())).append("\">")
                        .append(esc(lastSegment(p.clause()))).append("</a>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private void text(StringBuilder b) {
        Map<String, List<Practice>> byClause = new TreeMap<>();
        for (Practice p : flows.practices()) if (p.clause() != null) byClause.computeIfAbsent(p.clause(), k -> new ArrayList<>()).add(p);
        b.append("<h2 id=\"").append(anchor).append("-text\">Text</h2>\n<div class=\"policy-text\">\n");
        for (TextBlock t : flows.text()) {
            if (t.heading()) {
                int h = Math.min(t.level() + 2, 6);
                b.append("<h").append(h).append(" class=\"heading\">").append(esc(t.text())).append("</h").append(h).append(">\n");
                continue;
            }
            b.append("<p class=\"clause\" id=\"").append(clauseAnchor(t.iri())).append("\">").append(MarkedText.html(t.text()));
            for (Practice p : byClause.getOrDefault(t.iri(), List.of())) {
                b.append(" <a class=\"to-practice\" href=\"#").append(practiceAnchor(p.number())).append("\" aria-label=\"practice ")
                        .append(p.number()).append("\">→").append(p.number()).append("</a>");
            }
            b.append("</p>\n");
        }
        b.append("</div>\n");
    }

    private void findings(StringBuilder b) {
        List<PolicyChecks.Finding> found = checks.findings(flows.id());
        if (found.isEmpty()) return;
        b.append("<h2>Checks</h2>\n<table class=\"checks\"><thead><tr><th scope=\"col\">check</th><th scope=\"col\">outcome</th>")
                .append("<th scope=\"col\">finding</th></tr></thead><tbody>\n");
        for (PolicyChecks.Finding f : found) {
            b.append("<tr><td>").append(esc(f.check())).append("</td><td>").append(esc(f.outcome())).append("</td><td>").append(esc(f.message()));
            if (f.clause() != null) b.append(" <a href=\"#").append(clauseAnchor(f.clause())).append("\">").append(esc(lastSegment(f.clause()))).append("</a>");
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    private String nodes(List<FlowNode> nodes) {
        return nodes.stream().map(this::node).collect(Collectors.joining("、"));
    }

    private String node(FlowNode n) {
        String link = href == null ? null : href.apply(n);
        return link == null ? esc(n.name()) : "<a href=\"" + esc(link) + "\">" + esc(n.name()) + "</a>";
    }

    private String practiceAnchor(int n) {
        return anchor + "-practice-" + n;
    }

    private String clauseAnchor(String clauseIri) {
        return anchor + "-clause-" + esc(lastSegment(clauseIri));
    }

    private static String lastSegment(String iri) {
        int cut = iri.lastIndexOf('/');
        String tail = iri.substring(cut + 1);
        String kind = cut > 0 ? iri.substring(iri.lastIndexOf('/', cut - 1) + 1, cut) : "";
        return kind.equals("clause") ? tail : kind + "-" + tail;
    }
}
