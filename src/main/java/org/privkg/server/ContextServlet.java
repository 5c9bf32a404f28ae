package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** {@code GET /ontology/context.jsonld}: the JSON-LD context that privkg's JSON-LD exports use. */
final class ContextServlet extends HttpServlet {
    static final String PATH = Site.ONTOLOGY + "/context.jsonld";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try (InputStream in = ContextServlet.class.getResourceAsStream("/privkg/ontology/context.jsonld")) {
            if (in == null) {
                res.sendError(HttpServletResponse.SC_NOT_FOUND, "the JSON-LD context is missing from this build");
                return;
            }
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(Http.JSONLD), in.readAllBytes());
        }
    }
}
