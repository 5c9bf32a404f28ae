package org.privkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On the read-only Graph Store endpoint {@code /privkg/get}, the default graph ({@code ?default}, or no
 * graph named at all) is the union of all graphs, as it is for queries; privkg keeps nothing in the stored
 * default graph.
 */
final class UnionDefaultGraphFilter implements Filter {
    static final String SEGMENT = "/get";
    /** {@code /DATASET/get}. */
    private final String path;

    UnionDefaultGraphFilter(Site site) {
        this.path = site.dataset + SEGMENT;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = Http.rawPathAfter(req, "");
        boolean read = req.getMethod().equals("GET") || req.getMethod().equals("HEAD");
        if (!read || !this.path.equals(path) || req.getParameter("graph") != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Union(req), response);
    }

    private static final class Union extends HttpServletRequestWrapper {
        private final Map<String, String[]> params = new LinkedHashMap<>();

        Union(HttpServletRequest req) {
            super(req);
            req.getParameterMap().forEach((k, v) -> {
                if (!k.equals("default")) params.put(k, v);
            });
            params.put("graph", new String[] {"union"});
        }

        @Override
        public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(params);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return params.get(name);
        }

        @Override
        public String getQueryString() {
            StringBuilder b = new StringBuilder();
            params.forEach((k, vs) -> {
                for (String v : vs) {
                    if (b.length() > 0) b.append('&');
                    b.append(Http.queryParam(k)).append('=').append(Http.queryParam(v));
                }
            });
            return b.toString();
        }
    }
}
