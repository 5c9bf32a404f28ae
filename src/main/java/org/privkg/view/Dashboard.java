package org.privkg.view;

import static org.privkg.view.Html.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    public String html() {
        StringBuilder b = new StringBuilder("<section class=\"dashboard\">\n<div class=\"cards\">\n");
        Map<String, Long> c = figures.counts();
        card(b, "policies", c.get("policies"), "policies");
        card(b, "practices", c.get("practices"), "practices");
        card(b, "negated (不会)", c.get("negated"), "negated");
        card(b, "data items", c.get("dataItems"), "dataItems");
        card(b, "third parties", c.get("thirdParties"), "thirdParties");
        b.append("</div>\n<div class=\"figures\">\n");
        bars(b, "Most common data items", "policies naming it", figures.dataItems(), r -> links.node(r.iri()));
        bars(b, "Most common recipients and third parties", "policies naming it", figures.recipients(), r -> links.node(r.iri()));
        bars(b, "DPV data concepts", "policies", figures.dataConcepts(), r -> conceptQuery(r.iri(), "pk:DataType"));
        bars(b, "DPV purpose concepts", "policies", figures.purposeConcepts(), r -> conceptQuery(r.iri(), "pk:Purpose"));
        b.append("</div>\n");
        heatmap(b);
        return b.append("</section>\n").toString();
    }

    private void card(StringBuilder b, String label, Long n, String key) {
        b.append("<div class=\"card\" data-count=\"").append(key).append("\"><b>").append(n == null ? 0 : n).append("</b>")
                .append(esc(label)).append("</div>\n");
    }

    private void bars(StringBuilder b, String title, String unit, List<CorpusFigures.Ranked> rows,
                      java.util.function.Function<CorpusFigures.Ranked, String> link) {
        b.append("<div><h2>").append(esc(title)).append("</h2>\n");
        if (rows.isEmpty()) {
            b.append("<p class=\"muted\">None in this dataset.</p></div>\n");
            return;
        }
        long max = rows.stream().mapToLong(CorpusFigures.Ranked::count).max().orElse(1);
        b.append("<table class=\"bars\"><thead><tr><th scope=\"col\">").append(esc(title.contains("DPV") ? "concept" : "label"))
                .append("</th><th scope=\"col\" class=\"bar\">").append(esc(unit)).append("</th><th scope=\"col\">n</th></tr></thead><tbody>\n");
        for (CorpusFigures.Ranked r : rows) {
            String href = link.apply(r);
            String label = esc(r.label() == null ? r.iri() : r.label());
            b.append("<tr><td>").append(href == null ? label : "<a href=\"" + esc(href) + "\">" + label + "</a>")
                    .append("</td><td class=\"bar\"><span class=\"fill\" style=\"width:")
                    .append(String.format(Locale.ROOT, "%.1f", 100.0 * r.count() / Math.max(max, 1))).append("%\"></span></td><td>")
                    .append(r.count()).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private void heatmap(StringBuilder b) {
        Map<String, Map<String, Long>> cells = figures.heatmap();
        b.append("<h2>Data concept × purpose concept</h2>\n");
        if (cells.isEmpty()) {
            b.append("<p class=\"muted\">No practice names both a data item and a purpose with DPV concepts.</p>\n");
            return;
        }
        List<String> columns = List.copyOf(cells.values().iterator().next().keySet());
        long max = cells.values().stream().flatMap(r -> r.values().stream()).mapToLong(Long::longValue).max().orElse(1);
        b.append("<p class=\"muted\">Practices (not negated) handling data of a DPV data concept (rows) for a purpose of a DPV purpose concept (columns).</p>\n")
                .append("<div class=\"wide\"><table class=\"heatmap\"><thead><tr><th scope=\"col\">data \\ purpose</th>");
        for (String col : columns) b.append("<th scope=\"col\">").append(esc(DpvNames.compact(col))).append("</th>");
        b.append("</tr></thead><tbody>\n");
        cells.forEach((row, values) -> {
            b.append("<tr><th scope=\"row\">").append(esc(DpvNames.compact(row))).append("</th>");
            values.forEach((col, n) -> {
                double share = n / (double) Math.max(max, 1);
                b.append("<td style=\"background:rgba(11,87,208,").append(String.format(Locale.ROOT, "%.2f", 0.08 + 0.8 * share))
                        .append(");color:").append(share > 0.5 ? "#fff" : "#1f2328").append("\">");
                String href = n == 0 ? null : cellQuery(row, col);
                b.append(href == null ? String.valueOf(n) : "<a style=\"color:inherit\" href=\"" + esc(href) + "\" aria-label=\""
                        + esc(DpvNames.compact(row) + " × " + DpvNames.compact(col) + ": " + n) + "\">" + n + "</a>").append("</td>");
            });
            b.append("</tr>\n");
        });
        b.append("</tbody></table></div>\n");
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
