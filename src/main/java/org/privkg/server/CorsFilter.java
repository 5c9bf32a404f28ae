package org.privkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * CORS for browser SPARQL clients (YASGUI and the like): any origin may read, and preflight requests are
 * answered here, offering only what the server does: reads (POST is a query) on a read-only server, and
 * PUT and DELETE besides when it takes updates. Credentials are never allowed to ride along implicitly (no
 * {@code Access-Control-Allow-Credentials}): a script that updates must send its own Authorization header.
 */
final class CorsFilter implements Filter {
    static final String READ_METHODS = "GET, HEAD, POST, OPTIONS";
    static final String ALL_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Accept, Accept-Language, Authorization, Content-Type, Origin, X-Requested-With, Cache-Control";
    static final String EXPOSE_HEADERS = "Content-Type, Content-Length, Content-Location, Link, Location, Vary, WWW-Authenticate, Fuseki-Request-Id";
    private static final Pattern TOKEN_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");

    private final String allowMethods;

    CorsFilter(boolean allowUpdate) {
        this.allowMethods = allowUpdate ? ALL_METHODS : READ_METHODS;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String origin = req.getHeader("Origin");
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        res.setHeader("Access-Control-Allow-Origin", "*");
        res.addHeader("Vary", "Origin");
        String preflightMethod = req.getHeader("Access-Control-Request-Method");
        if (req.getMethod().equals("OPTIONS") && preflightMethod != null) {
            res.setHeader("Access-Control-Allow-Methods", allowMethods);
            String asked = req.getHeader("Access-Control-Request-Headers");
            // echo what the client asks for (a browser only asks for headers it will send), else the usual list
            res.setHeader("Access-Control-Allow-Headers",
                    asked != null && TOKEN_LIST.matcher(asked.strip()).matches() ? asked.strip() : ALLOW_HEADERS);
            res.setHeader("Access-Control-Max-Age", "1800");
            // Chrome's Private Network Access: a page on the web may query a server on this machine (POST included: a
            // POST that writes still needs the password, which such a page does not have); PUT and DELETE never
            boolean read = java.util.Set.of("GET", "HEAD", "POST").contains(preflightMethod.strip());
            if (read && "true".equalsIgnoreCase(req.getHeader("Access-Control-Request-Private-Network"))) {
                res.setHeader("Access-Control-Allow-Private-Network", "true");
            }
            res.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        chain.doFilter(request, response);
    }
}
