package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.privkg.query.InternalQueries;
import org.privkg.rdf.Iris;

/**
 * Dereferences instance IRIs: {@code GET /id/PATH} describes the resource {@code BASE + PATH} (its triples
 * and the labels of what they point to) as Turtle, JSON-LD, N-Triples or RDF/XML, or as an HTML page for a
 * browser; 404 for an IRI the dataset does not know.
 */
final class LinkedDataServlet extends HttpServlet {
    static final List<String> OFFERS = List.of(Http.TURTLE, Http.HTML, Http.JSONLD, Http.NTRIPLES, Http.RDFXML);
    /** References listed on a resource's HTML page before it points to the SPARQL endpoint instead. */
    static final int BACKLINKS_SHOWN = 500;

    private final transient Site site;

    LinkedDataServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String raw = Http.rawPathAfter(req, Site.ID);
        if (raw == null || raw.isEmpty()) {
            res.setStatus(HttpServletResponse.SC_SEE_OTHER);
            res.setHeader("Location", "/");
            return;
        }
        List<String> candidates = new ArrayList<>();
        try {
            candidates.add(site.base() + canonical(raw));
        } catch (IllegalArgumentException e) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + e.getMessage());
            return;
        }
        if (!candidates.contains(site.base() + raw)) candidates.add(site.base() + raw);
        String type = Http.negotiateOrRefuse(req, res, OFFERS);
        if (type == null) return;
        try {
            for (String iri : candidates) {
                Node resource = NodeFactory.createURI(iri);
                Graph description = InternalQueries.run(site.dsg, "describe", Map.of("resource", resource), e -> e.construct());
                if (description.contains(resource, Node.ANY, Node.ANY)) {
                    respond(req, res, resource, description, type);
                    return;
                }
            }
        } catch (QueryCancelledException e) {
            Http.text(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
            return;
        }
        Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: this dataset has no resource <" + candidates.get(0) + ">. "
                + "Instance IRIs look like " + site.base() + "policy/ID, .../data/LABEL, .../party/LABEL; "
                + "GET " + site.dataset + "/policies lists the policies.");
    }

    private void respond(HttpServletRequest req, HttpServletResponse res, Node resource, Graph description, String type) throws IOException {
        String path = req.getRequestURI();
        StringBuilder links = new StringBuilder();
        for (String alt : RdfOut.TYPES) {
            if (links.length() > 0) links.append(", ");
            links.append('<').append(path).append("?format=").append(shortName(alt)).append(">; rel=\"alternate\"; type=\"").append(alt).append('"');
        }
        res.setHeader("Link", links.toString());
        if (type.equals(Http.HTML)) {
            // a policy's page is its data flows and text; its plain statements stay one click away
            Node id = description.find(resource, org.privkg.vocab.PK.policyId, Node.ANY).nextOptional().map(t -> t.getObject()).orElse(null);
            if (id != null && id.isLiteral() && !"triples".equals(req.getParameter("view"))
                    && ViewPages.policy(site, id.getLiteralLexicalForm(), path, res)) return;
            List<HtmlPages.Backlink> backlinks = backlinks(resource);
            long total = backlinks.size();
            if (backlinks.size() > BACKLINKS_SHOWN) {
                backlinks = backlinks.subList(0, BACKLINKS_SHOWN);
                total = InternalQueries.run(site.dsg, "backlink-count", Map.of("resource", resource), e -> {
                    RowSet rows = e.select();
                    Node n = rows.hasNext() ? rows.next().get("n") : null;
                    return n == null ? 0L : Long.parseLong(n.getLiteralLexicalForm());
                });
            }
            String html = HtmlPages.resource(site, resource, description, new Labels(description, site.ontology()),
                    backlinks, total, path);
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML), html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), RdfOut.serialize(description, type, site.prefixes));
    }

    private List<HtmlPages.Backlink> backlinks(Node resource) {
        return InternalQueries.run(site.dsg, "backlinks", Map.of("resource", resource), e -> {
            // one row per (subject, property), keeping a Chinese label when there is one
            Map<List<Node>, Node> labels = new LinkedHashMap<>();
            RowSet rows = e.select();
            while (rows.hasNext()) {
                Binding b = rows.next();
                List<Node> key = List.of(b.get("s"), b.get("p"));
                Node label = b.get("label");
                Node old = labels.get(key);
                boolean better = label != null && label.isLiteral() && (old == null || (!isZh(old) && isZh(label)));
                if (!labels.containsKey(key) || better) labels.put(key, label);
            }
            List<HtmlPages.Backlink> out = new ArrayList<>();
            labels.forEach((k, label) -> out.add(new HtmlPages.Backlink(k.get(0), k.get(1),
                    label == null ? null : label.getLiteralLexicalForm())));
            return out;
        });
    }

    private static boolean isZh(Node label) {
        return label.isLiteral() && label.getLiteralLanguage().startsWith("zh");
    }

    /** The IRI path for a request path: each segment decoded, then encoded the way privkg mints IRIs. */
    static String canonical(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) sb.append('/');
            sb.append(Iris.encode(Http.decodeSegment(segments[i])));
        }
        return sb.toString();
    }

    static String shortName(String mediaType) {
        return switch (mediaType) {
            case Http.JSONLD -> "jsonld";
            case Http.NTRIPLES -> "nt";
            case Http.RDFXML -> "rdfxml";
            case Http.HTML -> "html";
            default -> "ttl";
        };
    }
}
