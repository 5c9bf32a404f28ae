package org.privkg.server;

import static org.privkg.view.Markup.line;

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
import org.jsoup.nodes.Element;
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
        Map<String, List<String>> hits = new LinkedHashMap<>();
        if (!q.isEmpty()) {
            try {
                InternalQueries.select(site.dsg, "search", Map.of("q", NodeFactory.createLiteralString(q)), row -> hits
                        .computeIfAbsent(row.get("id").getLiteralLexicalForm(), k -> new ArrayList<>())
                        .add(row.get("field").getLiteralLexicalForm() + ": " + row.get("match").getLiteralLexicalForm()));
            } catch (QueryCancelledException e) {
                Http.text(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
                return;
            }
        }
        String asked = q;
        ViewPages.send(res, site, "Search", main -> {
            line(main.appendElement("h1").text("Search"));
            ViewPages.searchForm(main, asked);
            if (asked.isEmpty()) return;
            line(main.appendElement("p").attr("role", "status")
                    .text(hits.size() + (hits.size() == 1 ? " policy" : " policies") + " match “" + asked + "”."));
            Element list = line(main.appendElement("ul").addClass("hits"));
            list.appendText("\n");
            hits.forEach((id, why) -> {
                Element li = line(list.appendElement("li"));
                li.appendElement("a").attr("href", HtmlPages.href(site, site.iris.policy(id).getURI())).text(id);
                li.appendText(" ").appendElement("span").addClass("muted").text(String.join(" · ", why));
            });
        });
    }
}
