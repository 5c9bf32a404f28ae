package org.privkg.server;

import static org.privkg.view.Markup.line;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Element;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;

/** {@code GET /}: what this server offers, for a person with a browser (HTML) or curl (plain text). */
final class HomeServlet extends HttpServlet {
    static final List<String> OFFERS = List.of(Http.TEXT, Http.HTML);

    private final transient Site site;

    HomeServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String type = Http.negotiate(req, OFFERS);
        if (type == null) type = Http.TEXT;
        String origin = site.origin();
        List<String> ids = site.store.policyIds();
        if (type.equals(Http.TEXT)) {
            StringBuilder b = new StringBuilder("privkg — privacy-policy knowledge graph (" + ids.size()
                    + (ids.size() == 1 ? " policy" : " policies") + ")\n\n");
            for (Site.Endpoint e : site.endpoints()) {
                b.append(String.format("  %-20s %s%s%n", e.label(), origin, e.path()));
            }
            b.append("\nQueries time out after ").append(site.timeout.isZero() ? "never" : site.timeoutText())
                    .append(site.allowUpdate ? "; updates need HTTP Basic auth as admin.\n" : "; the server is read-only.\n");
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.TEXT), b.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ViewPages.send(res, site, "privkg", main -> {
            line(main.appendElement("h1").text("privkg knowledge graph"));
            Element intro = line(main.appendElement("p")).appendText("Data practices of " + ids.size()
                    + (ids.size() == 1 ? " annotated privacy policy" : " annotated privacy policies")
                    + " as RDF. SPARQL clients (YASGUI and the like) can use ");
            intro.appendElement("code").text(origin + site.dataset + "/sparql");
            intro.appendText(" directly, or ").appendElement("a").attr("href", EditorServlet.PATH).text("write a query here");
            intro.appendText(".");
            ViewPages.dashboard(site, main);
            line(main.appendElement("h2").text("Endpoints"));
            endpoints(line(main.appendElement("table")), origin);
            line(main.appendElement("h2").text("Policies"));
            Element policies = line(main.appendElement("p"));
            for (int shown = 0; shown < ids.size(); shown++) {
                if (shown == 200) {
                    policies.appendText(" … ").appendElement("a").attr("href", site.dataset + "/policies?format=html").text("all " + ids.size());
                    break;
                }
                String id = ids.get(shown);
                policies.appendElement("a").attr("href", HtmlPages.href(site, site.iris.policy(id).getURI())).text(id);
                policies.appendText(" ");
            }
            line(main.appendElement("h2").text("Bundled queries"));
            Element queries = line(main.appendElement("ul"));
            queries.appendText("\n");
            for (NamedQuery q : QueryLibrary.bundled()) {
                Element li = line(queries.appendElement("li"));
                li.appendElement("a").attr("href", site.dataset + NamedQueryServlet.SEGMENT + "/" + q.name() + "?format=html").text(q.title());
                li.appendText(" ").appendElement("span").addClass("muted").text(q.description());
            }
            line(main.appendElement("p").addClass("muted").text("Queries time out after " + (site.timeout.isZero() ? "never" : site.timeoutText())
                    + (site.allowUpdate ? "; updates need HTTP Basic auth as admin." : "; this server is read-only.")));
        });
    }

    private void endpoints(Element table, String origin) {
        table.appendText("\n");
        for (Site.Endpoint e : site.endpoints()) {
            String url = origin + e.path();
            boolean link = !e.path().contains("ID") && !e.path().endsWith("/update") && !e.path().endsWith("/data");
            Element tr = line(table.appendElement("tr"));
            tr.appendElement("th").text(e.label());
            Element td = tr.appendElement("td");
            (link ? td.appendElement("a").attr("href", e.path()) : td).appendElement("code").text(url);
            td.appendText(" ").appendElement("span").addClass("muted").text(e.note());
        }
    }
}
