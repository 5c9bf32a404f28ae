package org.privkg.server;

import static org.privkg.view.Html.esc;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryParam;

/**
 * {@code GET /sparql}: a SPARQL editor in the browser (YASGUI, from the jar) on this server's endpoint, with
 * the bundled queries beside it, each with its parameters as form fields. {@code ?query=TEXT} opens and runs a query.
 */
final class EditorServlet extends HttpServlet {
    private final transient Site site;

    EditorServlet(Site site) {
        this.site = site;
    }

    static final String PATH = "/sparql";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<link rel=\"stylesheet\" href=\"").append(AssetServlet.PATH).append("/yasgui.min.css\">\n");
        b.append("<h1>SPARQL</h1>\n<p class=\"muted\">Queries run on <code>").append(site.dataset)
                .append("/sparql</code>; results sort by a click on a column header and download as CSV from the results bar.</p>\n");
        b.append("<details class=\"bundled-queries\" open><summary>Bundled queries</summary>\n");
        for (NamedQuery q : QueryLibrary.bundled()) {
            b.append("<form class=\"bundled\" data-name=\"").append(esc(q.name())).append("\">");
            b.append("<b>").append(esc(q.title())).append("</b> <span class=\"muted\">").append(esc(q.description())).append("</span> ");
            b.append("<textarea class=\"query-text\" hidden>").append(esc(q.text())).append("</textarea>");
            for (QueryParam p : q.params()) {
                String id = "q-" + q.name() + "-" + p.name();
                b.append("<label for=\"").append(esc(id)).append("\">").append(esc(p.name())).append("</label> <input id=\"")
                        .append(esc(id)).append("\" name=\"").append(esc(p.name())).append("\" value=\"").append(esc(p.defaultValue()))
                        .append("\" title=\"").append(esc(p.description())).append("\"> ");
            }
            b.append("<button type=\"submit\">Run ").append(esc(q.name())).append("</button></form>\n");
        }
        b.append("</details>\n<p id=\"editor-status\" role=\"status\" class=\"muted\"></p>\n");
        b.append("<div id=\"editor\" data-endpoint=\"").append(site.dataset).append("/sparql\" data-queries=\"")
                .append(site.dataset + NamedQueryServlet.SEGMENT).append("\"></div>\n");
        b.append("<script src=\"").append(AssetServlet.PATH).append("/yasgui.min.js\"></script>\n");
        b.append("<script src=\"").append(AssetServlet.PATH).append("/editor.js\"></script>\n");
        ViewPages.send(res, site, "SPARQL", b.toString());
    }
}
