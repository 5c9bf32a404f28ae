package org.privkg.server;

import static org.privkg.view.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.privkg.vocab.PK;

/** Readable HTML for people who open the server's URLs in a browser. */
final class HtmlPages {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:70em;padding:0 1em 3em;color:#222;line-height:1.45}
            header{padding:.6em 0;border-bottom:1px solid #ddd;margin-bottom:1em}header a{margin-right:1em}
            a{color:#0b57d0;text-decoration:none}a:hover{text-decoration:underline}
            code,.iri{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;word-break:break-all}
            .muted,.q{color:#777;font-size:.85em}.lang{color:#999;font-size:.75em;margin-left:.2em}
            table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{text-align:left;vertical-align:top;padding:.35em .6em;border-bottom:1px solid #eee}
            th{width:16em;font-weight:600;background:#fafafa}td div+div{margin-top:.2em}
            h1{font-size:1.6em;margin:.3em 0 .1em}h2{font-size:1.2em;margin-top:1.6em}section{margin-bottom:2em}
            pre{background:#f6f8fa;padding:.8em;overflow:auto}
            """;

    private HtmlPages() {
    }

    /** The common frame of every page. */
    static String page(Site site, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc(title) + " — privkg</title><style>" + STYLE + "</style></head>\n<body><header>"
                + "<a href=\"/\"><b>privkg</b></a><a href=\"" + site.dataset + "/queries\">queries</a>"
                + "<a href=\"" + Site.ONTOLOGY + "\">ontology</a><a href=\"" + Site.VOID + "\">VoID</a>"
                + "</header>\n" + body + "\n</body></html>\n";
    }

    /** Finds labels for nodes in the graphs it is given (first graph first), preferring Chinese, then English. */
    static final class Labels {
        private final List<Graph> graphs;

        Labels(Graph... graphs) {
            this.graphs = List.of(graphs);
        }

        String label(Node n) {
            if (!n.isURI() && !n.isBlank()) return null;
            String zh = null, en = null, any = null;
            for (Graph g : graphs) {
                for (var it = g.find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
                    Node o = it.next().getObject();
                    if (!o.isLiteral()) continue;
                    String lang = o.getLiteralLanguage();
                    String text = o.getLiteralLexicalForm();
                    if (lang.startsWith("zh") && zh == null) zh = text;
                    else if (lang.startsWith("en") && en == null) en = text;
                    else if (any == null) any = text;
                }
                if (zh != null || en != null || any != null) break;
            }
            if (zh == null && en == null && any == null) {
                // a clause has no label but its text says what it is
                for (Graph g : graphs) {
                    var it = g.find(n, TEXT, Node.ANY);
                    if (it.hasNext()) {
                        Node o = it.next().getObject();
                        if (o.isLiteral()) return shorten(o.getLiteralLexicalForm());
                    }
                }
            }
            return zh != null ? zh : en != null ? en : any;
        }

        private static final Node TEXT = PK.text;

    private static String shorten(String s) {
        int[] cps = s.strip().codePoints().toArray();
        return cps.length <= 60 ? s.strip() : new String(cps, 0, 59) + "…";
    }

    /** The English label of a term (for properties and classes of the ontology), else any label. */
        String termLabel(Node n) {
            for (Graph g : graphs) {
                for (var it = g.find(n, RDFS.label.asNode(), Node.ANY); it.hasNext(); ) {
                    Node o = it.next().getObject();
                    if (o.isLiteral() && o.getLiteralLanguage().startsWith("en")) return o.getLiteralLexicalForm();
                }
            }
            return label(n);
        }
    }

    /** One triple pointing at the described resource. */
    record Backlink(Node subject, Node predicate, String label) {
    }

    /** The page of one resource: its properties, then what refers to it. */
    static String resource(Site site, Node subject, Graph description, Labels labels, List<Backlink> backlinks,
                           long backlinkTotal, String localPath) {
        String title = labels.label(subject);
        String shortName = compact(site, subject);
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title != null ? title : shortName)).append("</h1>\n");
        b.append("<p class=\"iri\">").append(esc(subject.getURI())).append("</p>\n");
        List<String> types = new ArrayList<>();
        description.find(subject, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(link(site, t.getObject(), labels, true)));
        if (!types.isEmpty()) b.append("<p>").append(String.join(" · ", types)).append("</p>\n");
        b.append(alternates(localPath));

        Map<Node, List<Node>> byPredicate = new TreeMap<>(Comparator.comparing((Node p) -> order(p)).thenComparing(Node::getURI));
        description.find(subject, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (!t.getPredicate().equals(RDF.type.asNode())) byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        });
        b.append("<table>\n");
        byPredicate.forEach((p, objects) -> {
            objects.sort(Comparator.comparing(o -> sortKey(o, labels)));
            b.append("<tr><th>").append(link(site, p, labels, true)).append("</th><td>");
            for (Node o : objects) b.append("<div>").append(value(site, o, labels)).append("</div>");
            b.append("</td></tr>\n");
        });
        b.append("</table>\n");

        if (!backlinks.isEmpty()) {
            b.append("<h2>Referenced by</h2>\n");
            if (backlinkTotal > backlinks.size()) {
                b.append("<p class=\"muted\">The first ").append(backlinks.size()).append(" of ").append(backlinkTotal)
                        .append(" references; query the SPARQL endpoint for all of them.</p>\n");
            }
            Map<Node, List<Backlink>> byPredicate2 = new LinkedHashMap<>();
            backlinks.stream().sorted(Comparator.comparing((Backlink x) -> order(x.predicate())).thenComparing(x -> x.predicate().getURI())
                            .thenComparing(x -> naturalKey(x.subject())))
                    .forEach(x -> byPredicate2.computeIfAbsent(x.predicate(), k -> new ArrayList<>()).add(x));
            b.append("<table>\n");
            byPredicate2.forEach((p, list) -> {
                b.append("<tr><th>").append(link(site, p, labels, true)).append(" of</th><td>");
                for (Backlink x : list) {
                    String label = x.label();
                    b.append("<div>").append(iriLink(site, x.subject(), label != null ? label : compact(site, x.subject())));
                    if (label != null) b.append(" <span class=\"q\">").append(esc(compact(site, x.subject()))).append("</span>");
                    b.append("</div>");
                }
                b.append("</td></tr>\n");
            });
            b.append("</table>\n");
        }
        return page(site, title != null ? title : shortName, b.toString());
    }

    /** A whole (small) graph, one section per subject: the ontology, the VoID description. */
    static String graph(Site site, String title, String intro, Graph graph, Labels labels, String localPath) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(esc(title)).append("</h1>\n");
        if (intro != null) b.append("<p>").append(intro).append("</p>\n");
        b.append(alternates(localPath));
        Map<String, Node> subjects = new TreeMap<>();
        graph.find().forEachRemaining(t -> {
            Node s = t.getSubject();
            String key = (s.isURI() && graph.contains(s, RDF.type.asNode(), Node.ANY) ? "0" : "1") + typeKey(graph, s) + " " + (s.isURI() ? s.getURI() : "~" + s.getBlankNodeLabel());
            subjects.putIfAbsent(key, s);
        });
        for (Node s : subjects.values()) {
            if (s.isBlank()) continue; // shown nested under what refers to them
            b.append("<section id=\"").append(esc(anchor(s))).append("\">");
            String label = labels.label(s);
            b.append("<h2>").append(esc(label != null ? label : compact(site, s))).append(" <span class=\"q\">")
                    .append(esc(compact(site, s))).append("</span></h2>\n");
            b.append(properties(site, graph, s, labels, 0));
            b.append("</section>\n");
        }
        return page(site, title, b.toString());
    }

    private static String properties(Site site, Graph graph, Node s, Labels labels, int depth) {
        Map<Node, List<Node>> byPredicate = new TreeMap<>(Comparator.comparing((Node p) -> order(p)).thenComparing(Node::getURI));
        graph.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject()));
        StringBuilder b = new StringBuilder("<table>\n");
        byPredicate.forEach((p, objects) -> {
            objects.sort(Comparator.comparing(o -> sortKey(o, labels)));
            b.append("<tr><th>").append(link(site, p, labels, true)).append("</th><td>");
            for (Node o : objects) {
                b.append("<div>");
                if (o.isBlank() && depth < 3) b.append(properties(site, graph, o, labels, depth + 1));
                else b.append(value(site, o, labels));
                b.append("</div>");
            }
            b.append("</td></tr>\n");
        });
        return b.append("</table>\n").toString();
    }

    private static String typeKey(Graph g, Node s) {
        Triple t = g.find(s, RDF.type.asNode(), Node.ANY).nextOptional().orElse(null);
        return t == null || !t.getObject().isURI() ? "~" : t.getObject().getURI();
    }

    private static String anchor(Node s) {
        String iri = s.getURI();
        if (iri.startsWith(PK.NS)) return iri.substring(PK.NS.length());
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    private static String alternates(String localPath) {
        if (localPath == null) return "";
        String p = esc(localPath) + (localPath.contains("?") ? "&amp;" : "?") + "format=";
        return "<p class=\"muted\">Also as <a href=\"" + p + "ttl\">Turtle</a> · <a href=\"" + p + "jsonld\">JSON-LD</a> · "
                + "<a href=\"" + p + "nt\">N-Triples</a> · <a href=\"" + p + "rdfxml\">RDF/XML</a></p>\n";
    }

    /** rdfs:label and types first, then the rest by IRI. */
    private static int order(Node p) {
        if (p.equals(RDFS.label.asNode())) return 0;
        if (p.equals(RDF.type.asNode())) return 1;
        if (p.isURI() && p.getURI().equals(PK.NS + "text")) return 2;
        return 3;
    }

    private static String sortKey(Node o, Labels labels) {
        if (o.isLiteral()) {
            String lang = o.getLiteralLanguage();
            return "0" + (lang.startsWith("zh") ? "0" : lang.startsWith("en") ? "1" : "2") + o.getLiteralLexicalForm();
        }
        String label = labels.label(o);
        return "1" + (label != null ? label : naturalKey(o));
    }

    /** Sorts practice/2 before practice/10. */
    private static String naturalKey(Node n) {
        String s = n.isURI() ? n.getURI() : String.valueOf(n);
        StringBuilder sb = new StringBuilder();
        var m = java.util.regex.Pattern.compile("\\d+").matcher(s);
        int last = 0;
        while (m.find()) {
            String digits = m.group();
            sb.append(s, last, m.start()).append("0".repeat(Math.max(0, 12 - digits.length()))).append(digits);
            last = m.end();
        }
        return sb.append(s.substring(last)).toString();
    }

    private static String value(Site site, Node o, Labels labels) {
        if (o.isLiteral()) {
            StringBuilder b = new StringBuilder(esc(o.getLiteralLexicalForm()));
            String lang = o.getLiteralLanguage();
            if (!lang.isEmpty()) b.append("<span class=\"lang\">@").append(esc(lang)).append("</span>");
            else {
                String dt = o.getLiteralDatatypeURI();
                if (dt != null && !dt.equals(XSD.xstring.getURI()) && !dt.equals(XSD.integer.getURI()) && !dt.equals(XSD.xboolean.getURI())) {
                    b.append("<span class=\"lang\">^^").append(esc(site.prefixes.shortForm(dt))).append("</span>");
                }
            }
            return b.toString();
        }
        if (o.isBlank()) return "<span class=\"muted\">[blank node]</span>";
        return link(site, o, labels, false);
    }

    /** A link to a node: its label with its compact IRI beside it, or the compact IRI alone for terms. */
    static String link(Site site, Node n, Labels labels, boolean term) {
        if (!n.isURI()) return esc(String.valueOf(n));
        String compact = compact(site, n);
        if (term) {
            String label = labels.termLabel(n);
            return "<a href=\"" + esc(href(site, n.getURI())) + "\"" + (label != null ? " title=\"" + esc(label) + "\"" : "") + ">"
                    + esc(compact) + "</a>";
        }
        String label = labels.label(n);
        if (label == null) return iriLink(site, n, compact);
        return iriLink(site, n, label) + " <span class=\"q\">" + esc(compact) + "</span>";
    }

    private static String iriLink(Site site, Node n, String text) {
        return "<a href=\"" + esc(href(site, n.getURI())) + "\">" + esc(text) + "</a>";
    }

    static String href(Site site, String iri) {
        String local = site.localPath(iri);
        return local != null ? local : iri;
    }

    static String compact(Site site, Node n) {
        if (!n.isURI()) return String.valueOf(n);
        String iri = n.getURI();
        String best = null;
        for (var e : site.prefixes.getNsPrefixMap().entrySet()) {
            String ns = e.getValue();
            if (iri.startsWith(ns) && (best == null || ns.length() > site.prefixes.getNsPrefixURI(best).length())) best = e.getKey();
        }
        return best == null ? iri : best + ":" + iri.substring(site.prefixes.getNsPrefixURI(best).length());
    }
}
