package org.privkg.server;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.privkg.check.Check;
import org.privkg.check.CheckRunner;
import org.privkg.rdf.Provenance;
import org.privkg.view.Dashboard;
import org.privkg.view.FlowNode;
import org.privkg.view.Html;
import org.privkg.view.PageFrame;
import org.privkg.view.PolicyChecks;
import org.privkg.view.PolicyFlows;
import org.privkg.view.PolicyPage;

/** The explorer's pages as the server sends them: the view package's HTML in the server's frame and links. */
final class ViewPages {
    /** The bundled checks of 'privkg check' on one policy: each finding with its line and clause text. */
    static PolicyChecks checks(Site site) {
        return id -> {
            List<Check> bundled = Check.bundled();
            Map<String, Check> byName = new HashMap<>();
            bundled.forEach(c -> byName.put(c.name(), c));
            return CheckRunner.run(site.dsg, bundled, List.of(id), id).findings().stream()
                    .map(f -> new PolicyChecks.Finding(byName.get(f.check()).title() + " (" + byName.get(f.check()).source() + ")",
                            "found", f.detail() + (f.line().isEmpty() ? "" : " — line " + f.line() + ": " + f.clause()), null))
                    .toList();
        };
    }

    /** How long the home page waits for the corpus figures before it says they are being computed: the page is due within 2 s. */
    static final Duration FIGURES_WAIT = Duration.ofMillis(1000);

    private ViewPages() {
    }

    static String nav(Site site) {
        return "<a href=\"/\"><b>privkg</b></a><a href=\"" + EditorServlet.PATH + "\">SPARQL</a>"
                + "<a href=\"" + site.dataset + NamedQueryServlet.SEGMENT + "\">queries</a><a href=\"" + Site.ONTOLOGY + "\">ontology</a>"
                + "<a href=\"" + Site.VOID + "\">VoID</a>";
    }

    static void send(HttpServletResponse res, Site site, String title, String body) throws IOException {
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML),
                PageFrame.page(title, nav(site), body).getBytes(StandardCharsets.UTF_8));
    }

    /** The search form and the corpus figures, each leading to a node's page or to the SPARQL page. */
    static String dashboard(Site site) {
        Dashboard.Links links = new Dashboard.Links() {
            @Override
            public String node(String iri) {
                return site.localPath(iri);
            }

            @Override
            public String query(String sparql) {
                return EditorServlet.PATH + "?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8).replace("+", "%20");
            }
        };
        DashboardFigures.Answer figures = site.figures.current(FIGURES_WAIT);
        if (figures.figures().isPresent()) return searchForm("") + new Dashboard(figures.figures().get(), links).html();
        String note = figures.failure() != null
                ? "The corpus figures could not be computed: " + Html.esc(figures.failure())
                : "The corpus figures are being computed for the data as it is now; <a href=\"/\">reload</a> in a few seconds.";
        return searchForm("") + "<p class=\"muted\" data-figures=\"" + (figures.failure() != null ? "failed" : "computing") + "\">" + note + "</p>\n";
    }

    static String searchForm(String q) {
        return "<form class=\"search\" role=\"search\" action=\"" + SearchServlet.PATH + "\" method=\"get\">"
                + "<label for=\"search-q\">Search policies by id, app name or data item</label>"
                + "<input id=\"search-q\" name=\"q\" type=\"search\" value=\"" + Html.esc(q) + "\" placeholder=\"gome, 美团, 手机号码 …\">"
                + "<button type=\"submit\">Search</button></form>\n";
    }

    /** Where the stored policy came from (the provenance graph, docs/architecture.md), or "" for a store from before it. */
    static String provenance(Site site, String id) {
        Node g = site.iris.policy(id);
        Map<String, String> p = new TreeMap<>();
        Txn.executeRead(site.dsg, () -> site.dsg.find(Provenance.GRAPH, g,
                Node.ANY, Node.ANY).forEachRemaining(q -> {
                    String name = q.getPredicate().getLocalName();
                    if (q.getObject().isLiteral()) p.put(name, q.getObject().getLiteralLexicalForm());
                }));
        if (p.isEmpty()) return "";
        return "<p class=\"muted provenance\">Loaded " + Html.esc(p.getOrDefault("generatedAtTime", "?")) + " from "
                + Html.esc(p.getOrDefault("source", "?")) + " (" + Html.esc(p.getOrDefault("format", "?")) + ", SHA-256 "
                + Html.esc(p.getOrDefault("inputSha256", "?")) + ", privkg " + Html.esc(p.getOrDefault("privkgVersion", "?"))
                + ", " + Html.esc(p.getOrDefault("warningCount", "0")) + " warnings)</p>\n";
    }

    /** The policy page, or false when the dataset has no such policy. */
    static boolean policy(Site site, String id, String path, HttpServletResponse res) throws IOException {
        Optional<PolicyFlows> flows = PolicyFlows.read(site.dsg, site.iris, id);
        if (flows.isEmpty()) return false;
        String html = new PolicyPage(flows.get(), "p", (FlowNode n) -> site.localPath(n.iri()), checks(site)).html()
                + provenance(site, id)
                + "<p class=\"muted\">Every statement about this policy: <a href=\"" + Html.esc(path) + "?view=triples\">as a table</a> · "
                + "<a href=\"" + Html.esc(path) + "?format=ttl\">Turtle</a> · <a href=\"" + Html.esc(path) + "?format=jsonld\">JSON-LD</a></p>\n";
        send(res, site, id, html);
        return true;
    }
}
