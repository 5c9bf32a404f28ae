package org.privkg.server;

import static org.privkg.view.Markup.line;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jsoup.nodes.Element;
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
        ViewPages.send(res, site, "SPARQL", main -> {
            line(main.appendElement("link").attr("rel", "stylesheet").attr("href", AssetServlet.PATH + "/yasgui.min.css"));
            line(main.appendElement("h1").text("SPARQL"));
            Element intro = line(main.appendElement("p").addClass("muted")).appendText("Queries run on ");
            intro.appendElement("code").text(site.dataset + "/sparql");
            intro.appendText("; results sort by a click on a column header and download as CSV from the results bar.");
            Element bundled = line(main.appendElement("details").addClass("bundled-queries").attr("open", true));
            line(bundled.appendElement("summary").text("Bundled queries"));
            for (NamedQuery q : QueryLibrary.bundled()) bundled(line(bundled.appendElement("form")), q);
            line(main.appendElement("p").id("editor-status").attr("role", "status").addClass("muted"));
            line(main.appendElement("div").id("editor").attr("data-endpoint", site.dataset + "/sparql")
                    .attr("data-queries", site.dataset + NamedQueryServlet.SEGMENT));
            line(main.appendElement("script").attr("src", AssetServlet.PATH + "/yasgui.min.js"));
            line(main.appendElement("script").attr("src", AssetServlet.PATH + "/editor.js"));
        });
    }

    /** A bundled query with its parameters as fields; editor.js puts its text into the editor and runs it. */
    private static void bundled(Element form, NamedQuery q) {
        form.addClass("bundled").attr("data-name", q.name());
        form.appendElement("b").text(q.title());
        form.appendText(" ").appendElement("span").addClass("muted").text(q.description());
        form.appendText(" ").appendElement("textarea").addClass("query-text").attr("hidden", true).text(q.text());
        for (QueryParam p : q.params()) {
            String id = "q-" + q.name() + "-" + p.name();
            form.appendElement("label").attr("for", id).text(p.name());
            form.appendText(" ").appendElement("input").id(id).attr("name", p.name()).attr("value", p.defaultValue()).attr("title", p.description());
            form.appendText(" ");
        }
        form.appendElement("button").attr("type", "submit").text("Run " + q.name());
    }
}
