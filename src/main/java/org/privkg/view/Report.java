package org.privkg.view;

import static org.privkg.view.Markup.line;

import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.jsoup.nodes.Element;
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
        // read every policy first: an unknown id fails before anything is built
        List<PolicyFlows> flows = ids.stream()
                .map(id -> PolicyFlows.read(dsg, iris, id).orElseThrow(() -> new IllegalArgumentException("no policy '" + id + "'")))
                .toList();
        String title = corpus ? "report" : ids.get(0);
        return PageFrame.page(title, nav -> nav.appendElement("b").text("privkg report"), main -> {
            if (corpus) {
                line(main.appendElement("h1").text("privkg report"));
                new Dashboard(CorpusFigures.read(dsg), Dashboard.Links.NONE).appendTo(main);
                line(main.appendElement("h2").text("Policies"));
                Element list = line(main.appendElement("ul").addClass("policies"));
                list.appendText("\n");
                for (int i = 0; i < ids.size(); i++) {
                    line(list.appendElement("li")).appendElement("a").attr("href", "#" + anchor(i)).text(ids.get(i));
                }
            }
            // a node's page is the server's; in the file a node links nowhere, a policy to its section
            for (int i = 0; i < flows.size(); i++) new PolicyPage(flows.get(i), anchor(i), n -> null, checks).appendTo(main);
        });
    }

    private static String anchor(int index) {
        return "policy-" + (index + 1);
    }
}
