package org.privkg.server;

import static org.privkg.view.Html.esc;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        StringBuilder b = new StringBuilder("<h1>privkg knowledge graph</h1>\n<p>Data practices of ").append(ids.size())
                .append(ids.size() == 1 ? " annotated privacy policy" : " annotated privacy policies")
                .append(" as RDF. SPARQL clients (YASGUI and the like) can use <code>").append(esc(origin + site.dataset + "/sparql"))
                .append("</code> directly, or <a href=\"").append(EditorServlet.PATH).append("\">write a query here</a>.</p>\n")
                .append(ViewPages.dashboard(site)).append("<h2>Endpoints</h2>\n<table>\n");
        for (Site.Endpoint e : site.endpoints()) {
            String url = origin + e.path();
            boolean link = !e.path().contains("ID") && !e.path().endsWith("/update") && !e.path().endsWith("/data");
            b.append("<tr><th>").append(esc(e.label())).append("</th><td>")
                    .append(link ? "<a href=\"" + esc(e.path()) + "\"><code>" + esc(url) + "</code></a>" : "<code>" + esc(url) + "</code>")
                    .append(" <span class=\"muted\">").append(esc(e.note())).append("</span></td></tr>\n");
        }
        b.append("</table>\n<h2>Policies</h2>\n<p>");
        int shown = 0;
        for (String id : ids) {
            if (shown++ == 200) {
                b.append(" … <a href=\"").append(site.dataset).append("/policies?format=html\">all ").append(ids.size()).append("</a>");
                break;
            }
            b.append("<a href=\"").append(esc(HtmlPages.href(site, site.iris.policy(id).getURI()))).append("\">").append(esc(id)).append("</a> ");
        }
        b.append("</p>\n<h2>Bundled queries</h2>\n<ul>\n");
        for (NamedQuery q : QueryLibrary.bundled()) {
            b.append("<li><a href=\"").append(esc(site.dataset + NamedQueryServlet.SEGMENT + "/" + q.name())).append("?format=html\">").append(esc(q.title()))
                    .append("</a> <span class=\"muted\">").append(esc(q.description())).append("</span></li>\n");
        }
        b.append("</ul>\n<p class=\"muted\">Queries time out after ").append(site.timeout.isZero() ? "never" : esc(site.timeoutText()))
                .append(site.allowUpdate ? "; updates need HTTP Basic auth as admin." : "; this server is read-only.").append("</p>\n");
        ViewPages.send(res, site, "privkg", b.toString());
    }
}
