package org.privkg.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privkg.pipeline.PolicyParser;
import org.privkg.rdf.Iris;
import org.privkg.store.PolicyStore;

/** The report as a browser reads it: a policy's words are text wherever they land, and the diagram is SVG. */
class ReportMarkupTest {
    /** Marks whose words are markup, an attribute breaker and an entity. */
    static final String HOSTILE = """
            为{"onmouseover=alert\\(2\\) 服务}，(我们)会[收集]您的<\\<script\\>alert\\(1\\)\\</script\\>>。
            我们需要将您的<"onmouseover=alert\\(3\\) x>与(\\<b\\>合作方\\</b\\>)[共享]。
            我们不会向任何第三方[出售]您的<&amp;个人信息>。
            """;
    static final Iris IRIS = new Iris(null);

    static PolicyStore store;
    static String html;
    static Document page;

    @BeforeAll
    static void report() throws Exception {
        Path dir = Files.createTempDirectory("privkg-report-markup");
        store = PolicyStore.open(dir.resolve("db"), null);
        PolicyParser.create().source(HOSTILE).id("hostile").loadInto(store);
        html = Report.html(store.dataset(), IRIS, List.of("hostile"), true, PolicyChecks.NONE);
        page = Jsoup.parse(html);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void markedWordsAreTextNotMarkup() {
        assertTrue(page.select("script").isEmpty(), "no script element");
        assertTrue(page.select("b:containsOwn(合作方)").isEmpty(), "the party's <b> is not an element");
        assertTrue(page.select("[onmouseover]").isEmpty(), "no attribute was broken out of");
        List<String> marks = page.select("p.clause mark").eachText();
        assertTrue(marks.contains("<script>alert(1)</script>"), marks.toString());
        assertTrue(marks.contains("<b>合作方</b>"), marks.toString());
        assertTrue(marks.contains("&amp;个人信息"), "an entity in a mark is the characters as written: " + marks);
        assertTrue(page.select("svg.flow g.node").stream().anyMatch(g -> g.attr("data-iri").contains("onmouseover")),
                "the hostile IRI is an attribute value of its node");
    }

    @Test
    void theDiagramIsSvgAsABrowserParsesIt() {
        Element svg = page.selectFirst("div.diagram > svg.flow");
        assertNotNull(svg, "the diagram is inside its div");
        assertEquals(Parser.NamespaceSvg, svg.tag().namespace());
        assertEquals("7", svg.selectFirst("defs > marker").attr("markerWidth"), "SVG's mixed-case attribute names survive");
        assertTrue(svg.attr("viewBox").startsWith("0 0 1000 "), svg.attr("viewBox"));
        assertEquals(svg.select("g.node").size(), svg.select("g.node > rect").size(), "every node has its box");
        assertTrue(svg.select("g.edge > path").stream().allMatch(p -> p.attr("marker-end").equals("url(#policy-1-flow-arrow)")));
        // what follows the svg is HTML again: the legend is not swallowed by the diagram
        assertEquals(Parser.NamespaceHtml, page.selectFirst("p.legend").tag().namespace());
    }

    @Test
    void theSameDataGivesTheSameBytes() {
        assertEquals(html, Report.html(store.dataset(), IRIS, List.of("hostile"), true, PolicyChecks.NONE));
    }
}
