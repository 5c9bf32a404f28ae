package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers on a read-only server where an update server has its write services ({@code /privkg/update},
 * {@code /privkg/data}): they do not exist here, and the answer says how to get them.
 */
final class ReadOnlyServlet extends HttpServlet {
    /** The dataset's path, {@code /privkg} by default. */
    private final String dataset;

    ReadOnlyServlet(String dataset) {
        this.dataset = dataset;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!Http.isSafeMethod(req.getMethod())) {
            UpdateSecurity.refuseAsReadOnly(req, res);
            return;
        }
        Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: this server is read-only and has no "
                + req.getServletPath() + "; read graphs at " + dataset + UnionDefaultGraphFilter.SEGMENT + " and query at " + dataset + "/sparql.");
    }
}
