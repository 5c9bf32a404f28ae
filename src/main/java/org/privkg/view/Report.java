package org.privkg.view;

import static org.privkg.view.Html.esc;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.privkg.rdf.Iris;

/**
 * One self-contained HTML file: the corpus dashboard and every policy's page, or one policy's page. Styles and
 * diagrams are inline and links stay inside the file, so it opens from disk with no network; it holds no time
 * or path and everything in it is sorted, so the same data gives the same bytes.
 */
public final class Report {
    private Report() {
    }

    /**
     * The report's HTML.
     *
     * @param ids the policies to show, in order; the dashboard comes first when {@code corpus} is true
     */
    public static String html(DatasetGraph dsg, Iris iris, List<String> ids, boolean corpus, PolicyChecks checks) {
        StringBuilder nav = new StringBuilder("<b>privkg report</b>");
        StringBuilder body = new StringBuilder();
        if (corpus) {
            body.append("<h1>privkg report</h1>\n").append(new Dashboard(CorpusFigures.read(dsg), Dashboard.Links.NONE).html());
            body.append("<h2>Policies</h2>\n<ul class=\"policies\">\n");
        }
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String anchor = "policy-" + (i + 1);
            PolicyFlows flows = PolicyFlows.read(dsg, iris, id).orElseThrow(() -> new IllegalArgumentException("no policy '" + id + "'"));
            // a node's page is the server's; in the file a node links nowhere, a policy to its section
            pages.add(new PolicyPage(flows, anchor, n -> null, checks).html());
            if (corpus) body.append("<li><a href=\"#").append(anchor).append("\">").append(esc(id)).append("</a></li>\n");
        }
        if (corpus) body.append("</ul>\n");
        pages.forEach(body::append);
        String title = corpus ? "report" : ids.get(0);
        return PageFrame.page(title, nav.toString(), body.toString());
    }
}
