package org.privkg.server;

import static org.privkg.view.Markup.line;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.jsoup.nodes.Element;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Severity;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicyId;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.ShapeCheck;
import org.privkg.store.StoreException;
import org.privkg.vocab.Lexicon;

/**
 * The policies as documents: {@code GET /privkg/policies} lists them, {@code GET /privkg/policies/ID} gives a
 * policy's graph, and with updates enabled {@code PUT /privkg/policies/ID} (an annotated policy as the body)
 * extracts it and replaces its graph through the write path of {@code privkg load} (its rules, SHACL check
 * and diagnostics; inline marks, or doccano or Label Studio standoff: {@link UploadFormat}), and
 * {@code DELETE} removes it. On a read-only server PUT and DELETE do not exist (405); on an update server
 * Jetty's security handler has authenticated them before they get here ({@link UpdateSecurity}).
 */
final class PolicyServlet extends HttpServlet {
    static final String SEGMENT = "/policies";
    /** Larger bodies are refused: an annotated policy is tens of kilobytes. */
    static final int MAX_BODY = 16 * 1024 * 1024;
    static final List<String> LIST_OFFERS = List.of(Http.JSON, Http.TEXT, Http.HTML);
    static final List<String> REPORT_OFFERS = List.of(Http.TEXT, Http.JSON);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final transient Site site;
    private final boolean writable;
    /** {@code /DATASET/policies}. */
    private final String path;
    /** One PUT or DELETE at a time, so "created" and "replaced" are told apart truthfully. */
    private final transient Object writeLock = new Object();

    PolicyServlet(Site site, boolean writable) {
        this.site = site;
        this.writable = writable;
        this.path = site.dataset + SEGMENT;
    }

    /**
     * On a read-only server the write methods do not exist: 405, whatever the path says. On an update
     * server a write needs the user Jetty authenticated; a path spelling that its security handler did
     * not match arrives here without one, and is refused (401).
     */
    private boolean refusedWrite(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (writable) {
            if (UpdateSecurity.USER.equals(req.getRemoteUser())) return false;
            Http.discardBody(req, res);
            res.setHeader("WWW-Authenticate", UpdateSecurity.CHALLENGE);
            Http.text(res, HttpServletResponse.SC_UNAUTHORIZED, "401 Unauthorized: changing the dataset needs HTTP Basic "
                    + "authentication as user '" + UpdateSecurity.USER + "' on " + path + "/ID (e.g. curl -u " + UpdateSecurity.USER
                    + ":PASSWORD -T policy.txt ...).");
            return true;
        }
        UpdateSecurity.refuseAsReadOnly(req, res);
        return true;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String id = id(req, res, true);
        if (res.isCommitted()) return;
        if (id == null) {
            list(req, res);
            return;
        }
        String type = Http.negotiateOrRefuse(req, res, RdfOut.TYPES);
        if (type == null) return;
        Node g = site.iris.policy(id);
        Graph copy = GraphFactory.createDefaultGraph();
        Txn.executeRead(site.dsg, () -> site.dsg.getGraph(g).find().forEachRemaining(copy::add));
        if (copy.isEmpty()) {
            notFound(res, id);
            return;
        }
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), RdfOut.serialize(copy, type, site.prefixes));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (refusedWrite(req, res)) return;
        String id = id(req, res, false);
        if (id == null) return;
        // the body first, whatever its content type: asking for a parameter would make the container read a
        // form-typed body (curl --data-binary sends one) as form fields
        byte[] body = readBody(req, res);
        if (body == null) return;
        Charset charset;
        try {
            String name = req.getParameter("encoding") != null ? req.getParameter("encoding") : bodyCharset(req);
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: unknown character encoding '" + e.getMessage()
                    + "'; send UTF-8, or name the encoding with Content-Type: text/plain; charset=GB18030");
            return;
        }
        boolean lenient = "true".equalsIgnoreCase(req.getParameter("lenient")) || "".equals(req.getParameter("lenient"));
        String owner = req.getParameter("owner");
        String type = Http.negotiate(req, REPORT_OFFERS);
        if (type == null) type = Http.TEXT;
        PolicySource source = UploadFormat.source(id, body, req, res);
        if (source == null) return;
        PolicyReader reader = new PolicyReader(charset, lenient, owner == null || owner.isBlank() ? null : owner, Lexicon.bundled());
        // the write path of 'privkg load': the same reading, SHACL check and diagnostics
        LoadPipeline pipeline = new LoadPipeline(() -> reader, 1, new ShapeCheck(site.base()))
                .recordingSourceAs("upload").inTransactionsOnly();
        Uploaded upload = new Uploaded();
        boolean existed;
        try {
            synchronized (writeLock) {
                existed = exists(id);
                pipeline.load(site.store, List.of(source), upload);
            }
        } catch (StoreException e) {
            Http.text(res, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "500 the policy could not be stored: " + e.getMessage());
            return;
        }
        PolicyReader.Outcome outcome = upload.outcome;
        if (!outcome.ok()) {
            String advice = outcome.diagnostics().all().stream().anyMatch(d -> d.message().contains("encoding"))
                    ? "send the body as UTF-8, or name its encoding with Content-Type: text/plain; charset=NAME (or ?encoding=NAME)"
                    : "fix the errors above, or add ?lenient=true to keep the rest of the policy";
            report(res, HttpServletResponse.SC_BAD_REQUEST, type, id, false, false, upload,
                    id + ": rejected; nothing of it was stored (" + advice + ")");
            return;
        }
        ExtractedPolicy policy = outcome.policy().get();
        res.setHeader("Location", Site.ID + site.iris.policy(id).getURI().substring(site.base().length()));
        String summary = "stored policy '" + id + "' as graph <" + site.iris.policy(id).getURI() + ">: "
                + policy.practices().size() + " practices from " + policy.document().clauses().size() + " clauses"
                + (existed ? " (replaced the previous version)" : "");
        report(res, existed ? HttpServletResponse.SC_OK : HttpServletResponse.SC_CREATED, type, id, true, existed, upload, summary);
    }

    /** What the write path told about the one policy of a PUT. */
    private static final class Uploaded implements LoadPipeline.Events {
        PolicyReader.Outcome outcome;
        String shapes = "";

        @Override
        public void read(PolicyReader.Outcome o) {
            outcome = o;
        }

        @Override
        public void checked(PolicyReader.Outcome o, String report) {
            shapes = report;
        }
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (refusedWrite(req, res)) return;
        String id = id(req, res, false);
        if (id == null) return;
        Node g = site.iris.policy(id);
        boolean existed;
        synchronized (writeLock) {
            existed = site.store.delete(id);
        }
        if (!existed) {
            notFound(res, id);
            return;
        }
        Http.text(res, HttpServletResponse.SC_OK, "deleted policy '" + id + "' (graph <" + g.getURI() + ">)");
    }

    private boolean exists(String id) {
        Node g = site.iris.policy(id);
        return Txn.calculateRead(site.dsg, () -> site.dsg.contains(g, Node.ANY, Node.ANY, Node.ANY));
    }

    private void notFound(HttpServletResponse res, String id) throws IOException {
        Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: no policy '" + id + "' in this dataset; GET " + path + " lists them");
    }

    /**
     * The policy id in the path as the container routed it ({@code /privkg/policies/ID}), or null: for a
     * listing ({@code optional}), or after answering 400 for a path that names no single valid policy.
     * The routed path is the one the security handler checked: path parameters ({@code ;x}) are gone
     * and {@code %2F} is a slash there, which no policy id holds.
     */
    private String id(HttpServletRequest req, HttpServletResponse res, boolean optional) throws IOException {
        String info = req.getPathInfo();
        if (info == null || info.isEmpty() || info.equals("/")) {
            if (!optional) {
                Http.discardBody(req, res);
                Http.text(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: " + req.getMethod()
                        + " needs a policy id: " + path + "/ID");
            }
            return null;
        }
        String id = info.substring(1);
        Optional<String> problem = PolicyId.message(id);
        if (problem.isPresent()) {
            Http.discardBody(req, res);
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + problem.get() + "; use " + path + "/ID");
            return null;
        }
        return id;
    }

    /** The charset a text body names in its Content-Type; null for none, or for a form type (which names none of the text's). */
    private static String bodyCharset(HttpServletRequest req) {
        String type = req.getContentType();
        if (type == null || type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return null;
        return req.getCharacterEncoding();
    }

    private byte[] readBody(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY) {
            res.setHeader("Connection", "close");
            Http.text(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "413 the body is larger than " + (MAX_BODY >> 20) + " MB");
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY) {
                    res.setHeader("Connection", "close");
                    Http.text(res, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "413 the body is larger than " + (MAX_BODY >> 20) + " MB");
                    return null;
                }
            }
        }
        if (out.size() == 0) {
            Http.text(res, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: the body is empty; send the annotated policy text, e.g. "
                    + "curl -u admin:PASSWORD -T policy.txt " + path + "/ID");
            return null;
        }
        return out.toByteArray();
    }

    private void report(HttpServletResponse res, int status, String type, String id, boolean stored, boolean replaced,
                        Uploaded upload, String summary) throws IOException {
        PolicyReader.Outcome outcome = upload.outcome;
        if (type.equals(Http.JSON)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("policy", id);
            m.put("stored", stored);
            if (stored) {
                m.put("replaced", replaced);
                m.put("graph", site.iris.policy(id).getURI());
                m.put("practices", outcome.policy().get().practices().size());
                m.put("clauses", outcome.policy().get().document().clauses().size());
            }
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Diagnostic d : outcome.diagnostics().all()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("severity", d.severity() == Severity.WARNING ? "warning" : "error");
                dm.put("line", d.line());
                dm.put("column", d.column());
                dm.put("message", d.message());
                ds.add(dm);
            }
            m.put("diagnostics", ds);
            if (!upload.shapes.isEmpty()) m.put("shaclWarnings", upload.shapes.lines().toList());
            m.put("omittedDiagnostics", outcome.diagnostics().omitted());
            m.put("message", summary);
            Http.send(res, status, "application/json", (JSON.writeValueAsString(m) + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        StringBuilder b = new StringBuilder();
        for (Diagnostic d : outcome.diagnostics().all()) b.append(d).append('\n');
        if (outcome.diagnostics().omittedLine() != null) b.append(outcome.diagnostics().omittedLine()).append('\n');
        b.append(upload.shapes);
        b.append(summary).append('\n');
        Http.send(res, status, Http.withCharset(Http.TEXT), b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void list(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String type = Http.negotiateOrRefuse(req, res, LIST_OFFERS);
        if (type == null) return;
        List<String> ids = site.store.policyIds();
        if (type.equals(Http.TEXT)) {
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.TEXT),
                    (String.join("\n", ids) + (ids.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (type.equals(Http.HTML)) {
            String html = HtmlPages.page(site, "Policies", body -> {
                line(body.appendElement("h1").text("Policies"));
                Element list = line(body.appendElement("ul"));
                list.appendText("\n");
                for (String id : ids) {
                    String iri = site.iris.policy(id).getURI();
                    Element li = line(list.appendElement("li"));
                    li.appendElement("a").attr("href", HtmlPages.href(site, iri)).text(id);
                    li.appendText(" ").appendElement("span").addClass("q").text(iri);
                }
                line(body.appendElement("p").addClass("muted").text(ids.size() + (ids.size() == 1 ? " policy" : " policies")));
            });
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.HTML), html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (String id : ids) {
            String iri = site.iris.policy(id).getURI();
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("iri", iri);
            m.put("url", HtmlPages.href(site, iri));
            m.put("graph", path + "/" + Http.queryParam(id));
            out.add(m);
        }
        Http.send(res, HttpServletResponse.SC_OK, "application/json", (JSON.writeValueAsString(Map.of("policies", out)) + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
