package org.privkg.server;

import static org.privkg.view.Html.esc;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.privkg.query.InternalQueries;

/** {@code GET /search?q=TEXT}: the policies whose id, app name (first party) or a data item's label contains TEXT. */
final class SearchServlet extends HttpServlet {
    static final String PATH = "/search";
    /** Longer text finds nothing a shorter part of it would not; the limit keeps the scan cheap. */
    static final int MAX_LENGTH = 200;

    private final transient Site site;

    SearchServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String q = req.getParameter("q");
        q = q == null ? "" : q.strip();
        if (q.codePointCount(0, q.length()) > MAX_LENGTH) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: search text longer than " + MAX_LENGTH + " characters.");
            return;
        }
        StringBuilder b = new StringBuilder("<h1>Search</h1>\n").append(ViewPages.searchForm(q));
        if (!q.isEmpty()) {
            Map<String, List<String>> hits = new LinkedHashMap<>();
            try {
                InternalQueries.select(site.dsg, "search", Map.of("q", NodeFactory.createLiteralString(q)), row -> hits
                        .computeIfAbsent(row.get("id").getLiteralLexicalForm(), k -> new ArrayList<>())
                        .add(row.get("field").getLiteralLexicalForm() + ": " + row.get("match").getLiteralLexicalForm()));
            } catch (QueryCancelledException e) {
                Http.text(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
                return;
            }
            b.append("<p role=\"status\">").append(hits.size()).append(hits.size() == 1 ? " policy" : " policies").append(" match “")
                    .append(esc(q)).append("”.</p>\n<ul class=\"hits\">\n");
            hits.forEach((id, why) -> b.append("<li><a href=\"").append(esc(HtmlPages.href(site, site.iris.policy(id).getURI()))).append("\">")
                    .append(esc(id)).append("</a> <span class=\"muted\">").append(esc(String.join(" · ", why))).append("</span></li>\n"));
            b.append("</ul>\n");
        }
        ViewPages.send(res, site, "Search", b.toString());
    }
}
