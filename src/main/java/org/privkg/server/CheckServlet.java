package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.jena.query.QueryCancelledException;
import org.privkg.check.Check;
import org.privkg.check.CheckReport;
import org.privkg.check.CheckReportWriter;
import org.privkg.check.CheckRunner;

/**
 * {@code GET /privkg/check[?policy=ID]} (the dataset's path, {@code --name}): the bundled checks (as {@code privkg check} runs them) over every
 * policy or one, as JSON, CSV or text. A policy that fails a check is an answer, not an error: 200 either way.
 */
final class CheckServlet extends HttpServlet {
    static final String SEGMENT = "/check";
    static final List<String> OFFERS = List.of(Http.JSON, Http.CSV, Http.TEXT);

    private final transient Site site;

    CheckServlet(Site site) {
        this.site = site;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.addHeader("Vary", "Accept");
        String policy = req.getParameter("policy");
        String type = Http.negotiateOrRefuse(req, res, OFFERS);
        if (type == null) return;
        List<String> ids = site.store.policyIds();
        if (policy != null && !policy.isEmpty() && !ids.contains(policy)) {
            Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: no policy '" + policy + "' (GET "
                    + site.dataset + NamedQueryServlet.SEGMENT + "/policies lists them)");
            return;
        }
        boolean all = policy == null || policy.isEmpty();
        CheckReport report;
        try {
            report = CheckRunner.run(site.dsg, Check.bundled(), all ? ids : List.of(policy), all ? "" : policy);
        } catch (QueryCancelledException e) {
            Http.text(res, HttpServletResponse.SC_SERVICE_UNAVAILABLE, site.timeoutMessage());
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CheckReportWriter.write(report, type.equals(Http.CSV) ? "csv" : type.equals(Http.TEXT) ? "text" : "json", body);
        Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), body.toByteArray());
    }
}
