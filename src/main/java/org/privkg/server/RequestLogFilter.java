package org.privkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.fuseki.Fuseki;

/**
 * With --verbose: one log line per request that privkg answers itself (linked data, ontology, VoID, named
 * queries, policies), in the same log as Fuseki's lines for the SPARQL endpoints.
 */
final class RequestLogFilter implements Filter {
    /** The dataset's path, {@code /privkg} by default. */
    private final String dataset;

    RequestLogFilter(String dataset) {
        this.dataset = dataset;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = Http.rawPathAfter(req, "");
        boolean fuseki = path != null && (path.equals(dataset) || path.startsWith(dataset + "/"))
                && !path.startsWith(dataset + NamedQueryServlet.SEGMENT) && !path.startsWith(dataset + PolicyServlet.SEGMENT);
        if (fuseki || path == null || path.startsWith("/$/")) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            String query = req.getQueryString();
            Fuseki.actionLog.info("{} {}{} => {} ({} ms)", req.getMethod(), path, query == null ? "" : "?" + query,
                    ((HttpServletResponse) response).getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
