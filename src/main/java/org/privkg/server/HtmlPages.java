package org.privkg.server;

import static org.privkg.view.Markup.line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.privkg.view.Markup;
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
    static String page(Site site, String title, Consumer<Element> content) {
        Document d = Markup.page("zh", title + " — privkg");
        Markup.style(d, STYLE);
        Element body = d.body();
        body.appendText("\n");
        Element header = line(body.appendElement("header"));
        header.appendElement("a").attr("href", "/").appendElement("b").text("privkg");
        header.appendElement("a").attr("href", site.dataset + "/queries").text("queries");
        header.appendElement("a").attr("href", Site.ONTOLOGY).text("ontology");
        header.appendElement("a").attr("href", Site.VOID).text("VoID");
        content.accept(body);
        return Markup.write(d);
    }

    /** One triple pointing at the described resource. */
    record Backlink(Node subject, Node predicate, String label) {
    }

    /** The page of one resource: its properties, then what refers to it. */
    static String resource(Site site, Node subject, Graph description, Labels labels, List<Backlink> backlinks,
                           long backlinkTotal, String localPath) {
        String title = labels.label(subject);
        String shortName = compact(site, subject);
        return page(site, title != null ? title : shortName, body -> {
            line(body.appendElement("h1").text(title != null ? title : shortName));
            line(body.appendElement("p").addClass("iri").text(subject.getURI()));
            List<Node> types = new ArrayList<>();
            description.find(subject, RDF.type.asNode(), Node.ANY).forEachRemaining(t -> types.add(t.getObject()));
            if (!types.isEmpty()) {
                Element p = line(body.appendElement("p"));
                for (int i = 0; i < types.size(); i++) {
                    if (i > 0) p.appendText(" · ");
                    link(p, site, types.get(i), labels, true);
                }
            }
            alternates(body, localPath);

            // its types are named above; a blank node stays "[blank node]" (its description is another request)
            properties(body, site, description, subject, labels, 0, false);
            if (!backlinks.isEmpty()) backlinks(body, site, labels, backlinks, backlinkTotal);
        });
    }

    private static void backlinks(Element body, Site site, Labels labels, List<Backlink> backlinks, long backlinkTotal) {
        line(body.appendElement("h2").text("Referenced by"));
        if (backlinkTotal > backlinks.size()) {
            line(body.appendElement("p").addClass("muted").text("The first " + backlinks.size() + " of " + backlinkTotal
                    + " references; query the SPARQL endpoint for all of them."));
        }
        Map<Node, List<Backlink>> byPredicate = new LinkedHashMap<>();
        backlinks.stream().sorted(Comparator.comparing((Backlink x) -> order(x.predicate())).thenComparing(x -> x.predicate().getURI())
                        .thenComparing(x -> naturalKey(x.subject())))
                .forEach(x -> byPredicate.computeIfAbsent(x.predicate(), k -> new ArrayList<>()).add(x));
        Element table = line(body.appendElement("table"));
        table.appendText("\n");
        byPredicate.forEach((p, list) -> {
            Element tr = line(table.appendElement("tr"));
            Element th = tr.appendElement("th");
            link(th, site, p, labels, true);
            th.appendText(" of");
            Element td = tr.appendElement("td");
            for (Backlink x : list) {
                String label = x.label();
                Element div = td.appendElement("div");
                iriLink(div, site, x.subject(), label != null ? label : compact(site, x.subject()));
                if (label != null) div.appendText(" ").appendElement("span").addClass("q").text(compact(site, x.subject()));
            }
        });
    }

    /** A whole (small) graph, one section per subject: the ontology, the VoID description. */
    static String graph(Site site, String title, Consumer<Element> intro, Graph graph, Labels labels, String localPath) {
        return page(site, title, body -> {
            line(body.appendElement("h1").text(title));
            intro.accept(line(body.appendElement("p")));
            alternates(body, localPath);
            Map<String, Node> subjects = new TreeMap<>();
            graph.find().forEachRemaining(t -> {
                Node s = t.getSubject();
                String key = (s.isURI() && graph.contains(s, RDF.type.asNode(), Node.ANY) ? "0" : "1") + typeKey(graph, s) + " "
                        + (s.isURI() ? s.getURI() : "~" + s.getBlankNodeLabel());
                subjects.putIfAbsent(key, s);
            });
            for (Node s : subjects.values()) {
                if (s.isBlank()) continue; // shown nested under what refers to them
                Element section = line(body.appendElement("section").id(anchor(s)));
                String label = labels.label(s);
                Element h2 = line(section.appendElement("h2").text(label != null ? label : compact(site, s)));
                h2.appendText(" ").appendElement("span").addClass("q").text(compact(site, s));
                properties(section, site, graph, s, labels, 3, true);
            }
        });
    }

    /**
     * The table of a subject's properties, by predicate.
     *
     * @param nested how many levels of blank nodes are shown as tables of their own inside it
     * @param types  whether rdf:type is a row of it
     */
    private static void properties(Element parent, Site site, Graph graph, Node s, Labels labels, int nested, boolean types) {
        Map<Node, List<Node>> byPredicate = new TreeMap<>(Comparator.comparing((Node p) -> order(p)).thenComparing(Node::getURI));
        graph.find(s, Node.ANY, Node.ANY).forEachRemaining(t -> {
            if (types || !t.getPredicate().equals(RDF.type.asNode())) byPredicate.computeIfAbsent(t.getPredicate(), k -> new ArrayList<>()).add(t.getObject());
        });
        Element table = line(parent.appendElement("table"));
        table.appendText("\n");
        byPredicate.forEach((p, objects) -> {
            objects.sort(Comparator.comparing(o -> sortKey(o, labels)));
            Element tr = line(table.appendElement("tr"));
            link(tr.appendElement("th"), site, p, labels, true);
            Element td = tr.appendElement("td");
            for (Node o : objects) {
                Element div = td.appendElement("div");
                if (o.isBlank() && nested > 0) properties(div, site, graph, o, labels, nested - 1, true);
                else value(div, site, o, labels);
            }
        });
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

    private static void alternates(Element body, String localPath) {
        if (localPath == null) return;
        String p = localPath + (localPath.contains("?") ? "&" : "?") + "format=";
        Element also = line(body.appendElement("p").addClass("muted")).appendText("Also as ");
        String[][] formats = {{"ttl", "Turtle"}, {"jsonld", "JSON-LD"}, {"nt", "N-Triples"}, {"rdfxml", "RDF/XML"}};
        for (int i = 0; i < formats.length; i++) {
            if (i > 0) also.appendText(" · ");
            also.appendElement("a").attr("href", p + formats[i][0]).text(formats[i][1]);
        }
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

    private static void value(Element parent, Site site, Node o, Labels labels) {
        if (o.isLiteral()) {
            parent.appendText(o.getLiteralLexicalForm());
            String lang = o.getLiteralLanguage();
            String dt = o.getLiteralDatatypeURI();
            if (!lang.isEmpty()) parent.appendElement("span").addClass("lang").text("@" + lang);
            else if (dt != null && !dt.equals(XSD.xstring.getURI()) && !dt.equals(XSD.integer.getURI()) && !dt.equals(XSD.xboolean.getURI())) {
                parent.appendElement("span").addClass("lang").text("^^" + site.prefixes.shortForm(dt));
            }
        } else if (o.isBlank()) {
            parent.appendElement("span").addClass("muted").text("[blank node]");
        } else {
            link(parent, site, o, labels, false);
        }
    }

    /** A link to a node: its label with its compact IRI beside it, or the compact IRI alone for terms. */
    static void link(Element parent, Site site, Node n, Labels labels, boolean term) {
        if (!n.isURI()) {
            parent.appendText(String.valueOf(n));
            return;
        }
        String compact = compact(site, n);
        if (term) {
            String label = labels.termLabel(n);
            Element a = parent.appendElement("a").attr("href", href(site, n.getURI()));
            if (label != null) a.attr("title", label);
            a.text(compact);
            return;
        }
        String label = labels.label(n);
        iriLink(parent, site, n, label == null ? compact : label);
        if (label != null) parent.appendText(" ").appendElement("span").addClass("q").text(compact);
    }

    static void iriLink(Element parent, Site site, Node n, String text) {
        parent.appendElement("a").attr("href", href(site, n.getURI())).text(text);
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
