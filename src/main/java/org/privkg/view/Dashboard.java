package org.privkg.view;

import static org.privkg.view.Markup.line;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * The corpus dashboard: counts, the commonest data items, recipients and DPV concepts as bars, and the data
 * concept x purpose concept heatmap; each figure links to the rows behind it where {@link Links} says how.
 */
public record Dashboard(CorpusFigures figures, Links links) {

    /** Where figures lead: a node's page and the SPARQL page with a query filled in; null for no link. */
    public interface Links {
        Links NONE = new Links() {
            @Override
            public String node(String iri) {
                return null;
            }

            @Override
            public String query(String sparql) {
                return null;
            }
        };

        String node(String iri);

        String query(String sparql);
    }

    private static final String PREFIXES = "PREFIX pk: <https://w3id.org/privkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

    /** Appends the dashboard's section to {@code parent}. */
    public void appendTo(Element parent) {
        Element section = line(parent.appendElement("section").addClass("dashboard"));
        section.appendText("\n");
        Element cards = line(section.appendElement("div").addClass("cards"));
        cards.appendText("\n");
        Map<String, Long> c = figures.counts();
        card(cards, "policies", c.get("policies"), "policies");
        card(cards, "practices", c.get("practices"), "practices");
        card(cards, "negated (不会)", c.get("negated"), "negated");
        card(cards, "data items", c.get("dataItems"), "dataItems");
        card(cards, "third parties", c.get("thirdParties"), "thirdParties");
        Element figs = line(section.appendElement("div").addClass("figures"));
        figs.appendText("\n");
        bars(figs, "Most common data items", "policies naming it", figures.dataItems(), r -> links.node(r.iri()));
        bars(figs, "Most common recipients and third parties", "policies naming it", figures.recipients(), r -> links.node(r.iri()));
        bars(figs, "DPV data concepts", "policies", figures.dataConcepts(), r -> conceptQuery(r.iri(), "pk:DataType"));
        bars(figs, "DPV purpose concepts", "policies", figures.purposeConcepts(), r -> conceptQuery(r.iri(), "pk:Purpose"));
        heatmap(section);
    }

    private static void card(Element cards, String label, Long n, String key) {
        Element card = line(cards.appendElement("div").addClass("card").attr("data-count", key));
        card.appendElement("b").text(String.valueOf(n == null ? 0 : n));
        card.appendText(label);
    }

    private static void bars(Element parent, String title, String unit, List<CorpusFigures.Ranked> rows, Function<CorpusFigures.Ranked, String> link) {
        Element div = line(parent.appendElement("div"));
        line(div.appendElement("h2").text(title));
        if (rows.isEmpty()) {
            div.appendElement("p").addClass("muted").text("None in this dataset.");
            return;
        }
        long max = rows.stream().mapToLong(CorpusFigures.Ranked::count).max().orElse(1);
        Element table = div.appendElement("table").addClass("bars");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").attr("scope", "col").text(title.contains("DPV") ? "concept" : "label");
        head.appendElement("th").attr("scope", "col").addClass("bar").text(unit);
        head.appendElement("th").attr("scope", "col").text("n");
        Element body = table.appendElement("tbody");
        body.appendText("\n");
        for (CorpusFigures.Ranked r : rows) {
            Element tr = line(body.appendElement("tr"));
            Markup.linkOrText(tr.appendElement("td"), link.apply(r), r.label() == null ? r.iri() : r.label());
            tr.appendElement("td").addClass("bar").appendElement("span").addClass("fill")
                    .attr("style", String.format(Locale.ROOT, "width:%.1f%%", 100.0 * r.count() / Math.max(max, 1)));
            tr.appendElement("td").text(String.valueOf(r.count()));
        }
    }

    private void heatmap(Element section) {
        Map<String, Map<String, Long>> cells = figures.heatmap();
        line(section.appendElement("h2").text("Data concept × purpose concept"));
        if (cells.isEmpty()) {
            line(section.appendElement("p").addClass("muted").text("No practice names both a data item and a purpose with DPV concepts."));
            return;
        }
        List<String> columns = List.copyOf(cells.values().iterator().next().keySet());
        long max = cells.values().stream().flatMap(r -> r.values().stream()).mapToLong(Long::longValue).max().orElse(1);
        line(section.appendElement("p").addClass("muted").text("Practices (not negated) handling data of a DPV data concept (rows) "
                + "for a purpose of a DPV purpose concept (columns)."));
        Element table = line(section.appendElement("div").addClass("wide")).appendElement("table").addClass("heatmap");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").attr("scope", "col").text("data \\ purpose");
        for (String col : columns) head.appendElement("th").attr("scope", "col").text(DpvNames.compact(col));
        Element body = table.appendElement("tbody");
        body.appendText("\n");
        cells.forEach((row, values) -> {
            Element tr = line(body.appendElement("tr"));
            tr.appendElement("th").attr("scope", "row").text(DpvNames.compact(row));
            values.forEach((col, n) -> {
                double share = n / (double) Math.max(max, 1);
                Element td = tr.appendElement("td").attr("style", String.format(Locale.ROOT, "background:rgba(11,87,208,%.2f);color:%s",
                        0.08 + 0.8 * share, share > 0.5 ? "#fff" : "#1f2328"));
                String href = n == 0 ? null : cellQuery(row, col);
                if (href == null) td.text(String.valueOf(n));
                else td.appendElement("a").attr("style", "color:inherit").attr("href", href)
                        .attr("aria-label", DpvNames.compact(row) + " × " + DpvNames.compact(col) + ": " + n).text(String.valueOf(n));
            });
        });
    }

    private String conceptQuery(String concept, String type) {
        if (!plainIri(concept)) return null;
        return links.query(PREFIXES + "# policies whose " + type + " nodes map to " + DpvNames.compact(concept) + "\n"
                + "SELECT ?policy ?label WHERE {\n  GRAPH ?g {\n    ?g pk:policyId ?policy .\n    ?node a " + type
                + " ; pk:dpvConcept <" + concept + "> ; rdfs:label ?label .\n  }\n}\nORDER BY ?policy ?label\n");
    }

    private String cellQuery(String data, String purpose) {
        if (!plainIri(data) || !plainIri(purpose)) return null;
        return links.query(PREFIXES + "# practices handling " + DpvNames.compact(data) + " for " + DpvNames.compact(purpose) + "\n"
                + "SELECT ?policy ?practice ?dataItem ?purpose WHERE {\n  GRAPH ?g {\n    ?g pk:policyId ?policy .\n"
                + "    ?practice pk:data ?d ; pk:purpose ?u ; pk:negated false .\n    ?d pk:dpvConcept <" + data + "> ; rdfs:label ?dataItem .\n"
                + "    ?u pk:dpvConcept <" + purpose + "> ; rdfs:label ?purpose .\n  }\n}\nORDER BY ?policy ?practice ?dataItem ?purpose\n");
    }

    /** An IRI that can stand between angle brackets in a query as it is. */
    private static boolean plainIri(String iri) {
        return iri.codePoints().noneMatch(c -> c <= ' ' || "<>\"{}|^`\\".indexOf(c) >= 0);
    }
}
