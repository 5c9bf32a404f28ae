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
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Http.discardBody(req, res);
        if (Http.isSafeMethod(req.getMethod())) {
            Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: this server is read-only and has no "
                    + req.getServletPath() + "; read graphs at " + UnionDefaultGraphFilter.PATH + " and query at " + Site.DATASET + "/sparql.");
            return;
        }
        res.setHeader("Allow", "GET, HEAD, OPTIONS");
        Http.text(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: this server is read-only; "
                + req.getMethod() + " " + req.getServletPath() + " would change the dataset. Start it with 'privkg serve --allow-update' "
                + "(the admin password comes from PRIVKG_PASSWORD or --password-file) to accept updates.");
    }
}
