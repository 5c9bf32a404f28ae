package org.privkg.server;

import static org.privkg.view.Markup.line;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.jsoup.nodes.Element;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryParam;
import org.privkg.query.QueryRunner;

/**
 * The bundled queries over HTTP: {@code GET /privkg/queries} lists them, {@code GET|POST
 * /privkg/queries/NAME?param=value} runs one with its parameters bound as values (never pasted into the
 * query), answering in any SPARQL results format.
 */
final class NamedQueryServlet extends HttpServlet {
    static final String SEGMENT = "/queries";
    static final List<String> RESULT_OFFERS = List.of(Http.RS_JSON, Http.RS_XML, Http.CSV, Http.TSV, Http.JSON, Http.HTML);
    static final List<String> GRAPH_OFFERS = List.of(Http.TURTLE, Http.JSONLD, Http.NTRIPLES, Http.RDFXML);
    static final List<String> LIST_OFFERS = List.of(Http.JSON, Http.HTML, Http.TEXT);
    /** Request parameters the server reads itself; a query cannot take them as parameters. */
    static final String FORMAT = "format";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final transient Site site;
    /** {@code /DATASET/queries}. */
    private final String path;

    NamedQueryServlet(Site site) {
        this.site = site;
        this.path = site.dataset + SEGMENT;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String raw = Http.rawPathAfter(req, path);
        if (raw == null || raw.isEmpty() || raw.equals("/")) {
            list(req, res);
            return;
        }
        String name;
        try {
            name = Http.decodeSegment(raw.substring(1));
        } catch (IllegalArgumentException e) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + e.getMessage());
            return;
        }
        NamedQuery q = QueryLibrary.find(name).orElse(null);
        if (q == null) {
            Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: no bundled query '" + name + "'. The queries are: "
                    + String.join(", ", QueryLibrary.bundled().stream().map(NamedQuery::name).toList())
                    + " (GET " + path + " describes them).");
            return;
        }
        run(q, req, res);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        // an HTML form or a client that posts its parameters: same as GET
        doGet(req, res);
    }

    private void run(NamedQuery q, HttpServletRequest req, HttpServletResponse res) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            if (e.getKey().equals(FORMAT) && q.param(FORMAT) == null) continue;
            if (e.getValue().length > 1) {
                Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: parameter '" + e.getKey() + "' is given "
                        + e.getValue().length + " times; give it once");
                return;
            }
            params.put(e.getKey(), e.getValue()[0]);
        }
        Query parsed;
        try {
            parsed = QueryRunner.compile(q);
            QueryRunner.bind(q, params);
        } catch (IllegalArgumentException e) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + e.getMessage());
            return;
        }
        boolean graphResult = parsed.isConstructType() || parsed.isDescribeType();
        List<String> offers = graphResult ? GRAPH_OFFERS : RESULT_OFFERS;
        String type = Http.negotiateOrRefuse(req, res, offers);
        if (type == null) return;
        Object result;
        try {
            // materialised inside the read transaction, so a timeout is a clean 503, not a cut-off document
            result = QueryRunner.run(site.dsg, q, params, exec -> {
                Query query = exec.getQuery();
                if (query.isSelectType()) return exec.select().rewindable();
                if (query.isAskType()) return exec.ask();
                return query.isDescribeType() ? exec.describe() : exec.construct();
            });
        } catch (QueryCancelledException e) {
            Http.text(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
            return;
        } catch (IllegalArgumentException e) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + e.getMessage());
            return;
        }
        if (result instanceof Graph g) {
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), RdfOut.serialize(g, type, site.prefixes));
            return;
        }
        if (type.equals(Http.HTML)) {
            String html = html(q, params, result);
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML), html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Lang lang = switch (type) {
            case Http.RS_XML -> ResultSetLang.RS_XML;
            case Http.CSV -> ResultSetLang.RS_CSV;
            case Http.TSV -> ResultSetLang.RS_TSV;
            default -> ResultSetLang.RS_JSON;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsWriter writer = ResultsWriter.create().lang(lang).build();
        if (result instanceof Boolean b) writer.write(out, b.booleanValue());
        else writer.write(out, (RowSetRewindable) result);
        String contentType = type.equals(Http.JSON) ? Http.RS_JSON : type;
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(contentType), out.toByteArray());
    }

    private void list(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String type = Http.negotiateOrRefuse(req, res, LIST_OFFERS);
        if (type == null) return;
        List<NamedQuery> queries = QueryLibrary.bundled();
        if (type.equals(Http.HTML)) {
            String html = HtmlPages.page(site, "Bundled queries", body -> {
                line(body.appendElement("h1").text("Bundled queries"));
                Element intro = line(body.appendElement("p")).appendText("Run one with ");
                intro.appendElement("code").text("GET " + path + "/NAME?param=value");
                intro.appendText("; results come as SPARQL JSON, XML, CSV or TSV by ").appendElement("code").text("Accept");
                intro.appendText(" (or ").appendElement("code").text("?format=json|xml|csv|tsv");
                intro.appendText(").");
                for (NamedQuery q : queries) {
                    Element section = line(body.appendElement("section"));
                    Element h2 = section.appendElement("h2");
                    h2.appendElement("a").attr("href", path + "/" + q.name()).text(q.title());
                    h2.appendText(" ").appendElement("span").addClass("q").text(q.name());
                    section.appendElement("p").text(q.description());
                    form(section, q, Map.of());
                }
            });
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML), html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (type.equals(Http.TEXT)) {
            StringBuilder b = new StringBuilder();
            for (NamedQuery q : queries) {
                b.append(q.name()).append(" — ").append(q.title()).append('\n');
                if (!q.description().isEmpty()) b.append("    ").append(q.description()).append('\n');
                for (QueryParam p : q.params()) {
                    b.append("    ?").append(p.name()).append("=… (default \"").append(p.defaultValue()).append("\") ")
                            .append(p.description()).append('\n');
                }
                b.append("    GET ").append(path).append('/').append(q.name()).append("\n\n");
            }
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.TEXT), b.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (NamedQuery q : queries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", q.name());
            m.put("title", q.title());
            m.put("description", q.description());
            m.put("url", path + "/" + q.name());
            List<Map<String, String>> ps = new ArrayList<>();
            for (QueryParam p : q.params()) {
                Map<String, String> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("default", p.defaultValue());
                pm.put("description", p.description());
                ps.add(pm);
            }
            m.put("parameters", ps);
            out.add(m);
        }
        Http.send(res, HttpServletResponse.SC_OK, "application/json", (JSON.writeValueAsString(Map.of("queries", out)) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void form(Element parent, NamedQuery q, Map<String, String> values) {
        Element form = parent.appendElement("form").attr("method", "get").attr("action", path + "/" + q.name());
        for (QueryParam p : q.params()) {
            form.appendElement("label").text(p.name() + " ").appendElement("input").attr("name", p.name())
                    .attr("value", values.getOrDefault(p.name(), p.defaultValue())).attr("title", p.description());
            form.appendText(" ");
        }
        form.appendElement("input").attr("type", "hidden").attr("name", "format").attr("value", "html");
        form.appendElement("button").text("Run");
        form.appendText(" ");
        Element as = form.appendElement("span").addClass("muted").appendText("as ");
        as.appendElement("a").attr("href", path + "/" + q.name() + query(values, "csv")).text("CSV");
        as.appendText(" · ").appendElement("a").attr("href", path + "/" + q.name() + query(values, "json")).text("JSON");
    }

    private static String query(Map<String, String> values, String format) {
        StringBuilder b = new StringBuilder("?");
        values.forEach((k, v) -> b.append(Http.queryParam(k)).append('=').append(Http.queryParam(v)).append('&'));
        return b.append("format=").append(format).toString();
    }

    private String html(NamedQuery q, Map<String, String> params, Object result) {
        return HtmlPages.page(site, q.title(), body -> {
            line(body.appendElement("h1").text(q.title()));
            line(body.appendElement("p").text(q.description()));
            form(body, q, params);
            body.appendText("\n");
            if (result instanceof Boolean yes) {
                body.appendElement("p").appendElement("b").text(yes ? "yes" : "no");
                return;
            }
            RowSetRewindable rows = (RowSetRewindable) result;
            List<Var> vars = rows.getResultVars();
            Element table = line(body.appendElement("table"));
            Element head = line(table.appendElement("tr"));
            for (Var v : vars) head.appendElement("th").attr("style", "width:auto").text(v.getVarName());
            int n = 0;
            while (rows.hasNext()) {
                Binding row = rows.next();
                n++;
                Element tr = line(table.appendElement("tr"));
                for (Var v : vars) {
                    Node value = row.get(v);
                    Element td = tr.appendElement("td");
                    if (value == null) continue;
                    if (value.isURI()) td.appendElement("a").attr("href", HtmlPages.href(site, value.getURI())).text(HtmlPages.compact(site, value));
                    else td.text(value.isLiteral() ? value.getLiteralLexicalForm() : value.toString());
                }
            }
            line(body.appendElement("p").addClass("muted").text(n + (n == 1 ? " row" : " rows")));
            line(body.appendElement("details")).appendElement("summary").text("SPARQL").parent().appendElement("pre").text(q.text());
        });
    }
}
