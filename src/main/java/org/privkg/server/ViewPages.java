package org.privkg.server;

import static org.privkg.view.Markup.line;

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
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.system.Txn;
import org.jsoup.nodes.Element;
import org.privkg.check.Check;
import org.privkg.check.CheckRunner;
import org.privkg.rdf.Provenance;
import org.privkg.view.Dashboard;
import org.privkg.view.FlowNode;
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

    static void nav(Site site, Element nav) {
        nav.appendElement("a").attr("href", "/").appendElement("b").text("privkg");
        nav.appendElement("a").attr("href", EditorServlet.PATH).text("SPARQL");
        nav.appendElement("a").attr("href", site.dataset + NamedQueryServlet.SEGMENT).text("queries");
        nav.appendElement("a").attr("href", Site.ONTOLOGY).text("ontology");
        nav.appendElement("a").attr("href", Site.VOID).text("VoID");
    }

    static void send(HttpServletResponse res, Site site, String title, Consumer<Element> main) throws IOException {
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML),
                PageFrame.page(title, nav -> nav(site, nav), main).getBytes(StandardCharsets.UTF_8));
    }

    /** The search form and the corpus figures, each leading to a node's page or to the SPARQL page. */
    static void dashboard(Site site, Element parent) {
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
        searchForm(parent, "");
        if (figures.figures().isPresent()) {
            new Dashboard(figures.figures().get(), links).appendTo(parent);
            return;
        }
        Element note = line(parent.appendElement("p").addClass("muted").attr("data-figures", figures.failure() != null ? "failed" : "computing"));
        if (figures.failure() != null) {
            note.text("The corpus figures could not be computed: " + figures.failure());
        } else {
            note.appendText("The corpus figures are being computed for the data as it is now; ");
            note.appendElement("a").attr("href", "/").text("reload");
            note.appendText(" in a few seconds.");
        }
    }

    static void searchForm(Element parent, String q) {
        Element form = line(parent.appendElement("form").addClass("search").attr("role", "search").attr("action", SearchServlet.PATH)
                .attr("method", "get"));
        form.appendElement("label").attr("for", "search-q").text("Search policies by id, app name or data item");
        form.appendElement("input").id("search-q").attr("name", "q").attr("type", "search").attr("value", q)
                .attr("placeholder", "gome, 美团, 手机号码 …");
        form.appendElement("button").attr("type", "submit").text("Search");
    }

    /** Where the stored policy came from (the provenance graph, docs/architecture.md); nothing for a store from before it. */
    static void provenance(Element parent, Site site, String id) {
        Node g = site.iris.policy(id);
        Map<String, String> p = new TreeMap<>();
        Txn.executeRead(site.dsg, () -> site.dsg.find(Provenance.GRAPH, g,
                Node.ANY, Node.ANY).forEachRemaining(q -> {
                    String name = q.getPredicate().getLocalName();
                    if (q.getObject().isLiteral()) p.put(name, q.getObject().getLiteralLexicalForm());
                }));
        if (p.isEmpty()) return;
        line(parent.appendElement("p").attr("class", "muted provenance").text("Loaded " + p.getOrDefault("generatedAtTime", "?") + " from "
                + p.getOrDefault("source", "?") + " (" + p.getOrDefault("format", "?") + ", SHA-256 "
                + p.getOrDefault("inputSha256", "?") + ", privkg " + p.getOrDefault("privkgVersion", "?")
                + ", " + p.getOrDefault("warningCount", "0") + " warnings)"));
    }

    /** The policy page, or false when the dataset has no such policy. */
    static boolean policy(Site site, String id, String path, HttpServletResponse res) throws IOException {
        Optional<PolicyFlows> flows = PolicyFlows.read(site.dsg, site.iris, id);
        if (flows.isEmpty()) return false;
        send(res, site, id, main -> {
            new PolicyPage(flows.get(), "p", (FlowNode n) -> site.localPath(n.iri()), checks(site)).appendTo(main);
            provenance(main, site, id);
            Element also = line(main.appendElement("p").addClass("muted")).appendText("Every statement about this policy: ");
            also.appendElement("a").attr("href", path + "?view=triples").text("as a table");
            also.appendText(" · ");
            also.appendElement("a").attr("href", path + "?format=ttl").text("Turtle");
            also.appendText(" · ");
            also.appendElement("a").attr("href", path + "?format=jsonld").text("JSON-LD");
        });
        return true;
    }
}
