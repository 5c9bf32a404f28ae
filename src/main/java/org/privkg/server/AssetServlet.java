package org.privkg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code GET /assets/NAME}: the scripts and styles the pages use, from the jar (privkg/web/), so that
 * the pages work with no network. Only the listed files are served.
 */
final class AssetServlet extends HttpServlet {
    static final String PATH = "/assets";
    private static final Map<String, String> FILES = Map.of(
            "yasgui.min.js", "text/javascript",
            "yasgui.min.css", "text/css",
            "editor.js", "text/javascript");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String raw = Http.rawPathAfter(req, PATH);
        String name = raw == null ? "" : raw.replaceFirst("^/", "");
        String type = FILES.get(name);
        if (type == null) {
            Http.text(res, HttpServletResponse.SC_NOT_FOUND, "404 Not Found: no asset '" + name + "'.");
            return;
        }
        String resource = "/privkg/web/" + (name.startsWith("yasgui") ? "yasgui/" : "") + name;
        try (InputStream in = AssetServlet.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            res.setHeader("Cache-Control", "max-age=3600");
            Http.send(res, HttpServletResponse.SC_OK, Http.withCharset(type), in.readAllBytes());
        }
    }
}
