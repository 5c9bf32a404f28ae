package org.privkg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Guards everything that changes the dataset ({@code /privkg/update}, Graph Store writes on
 * {@code /privkg/data}, {@code PUT}/{@code DELETE /privkg/policies/ID}): refused on a read-only server,
 * else only with HTTP Basic auth as {@value #USER}. Reads pass untouched.
 */
final class WriteGuardFilter implements Filter {
    static final String USER = "admin";
    static final String REALM = "privkg";

    private final boolean allowUpdate;
    private final byte[] passwordDigest;

    WriteGuardFilter(boolean allowUpdate, String password) {
        this.allowUpdate = allowUpdate;
        this.passwordDigest = password == null ? null : sha256(password);
    }

    static boolean isWritePath(String path) {
        return path.equals(Site.DATASET + "/update") || path.equals(Site.DATASET + "/data")
                || path.equals(PolicyServlet.PATH) || path.startsWith(PolicyServlet.PATH + "/");
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        String path = Http.rawPathAfter(req, "");
        if (Http.isSafeMethod(req.getMethod()) || path == null) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals(UnionDefaultGraphFilter.PATH)) {
            Http.discardBody(req, res);
            res.setHeader("Allow", "GET, HEAD, OPTIONS");
            Http.text(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: " + UnionDefaultGraphFilter.PATH
                    + " only reads graphs; " + (allowUpdate ? "write them through " + Site.DATASET + "/data (HTTP Basic auth as "
                    + USER + ")" : "this server is read-only ('privkg serve --allow-update' accepts writes on " + Site.DATASET + "/data)"));
            return;
        }
        if (!isWritePath(path)) {
            chain.doFilter(request, response);
            return;
        }
        if (!allowUpdate || passwordDigest == null) {
            Http.discardBody(req, res);
            Http.text(res, HttpServletResponse.SC_FORBIDDEN, "403 Forbidden: this server is read-only; " + req.getMethod() + " "
                    + path + " would change the dataset. Start it with 'privkg serve --allow-update' (the admin password "
                    + "comes from PRIVKG_PASSWORD or --password-file) to accept updates.");
            return;
        }
        if (crossSiteForm(req)) {
            Http.discardBody(req, res);
            Http.text(res, HttpServletResponse.SC_FORBIDDEN, "403 Forbidden: a cross-site form submission cannot change the dataset "
                    + "(origin " + req.getHeader("Origin") + "). From a script on another origin, send the update with its own "
                    + "Authorization header and a non-form Content-Type such as application/sparql-update.");
            return;
        }
        String auth = req.getHeader("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            Http.discardBody(req, res);
            challenge(res, "401 Unauthorized: changing the dataset needs HTTP Basic authentication as user '" + USER
                    + "' (e.g. curl -u " + USER + ":PASSWORD ...).");
            return;
        }
        if (!matches(auth.substring(6).strip())) {
            Http.discardBody(req, res);
            challenge(res, "401 Unauthorized: wrong user name or password (the user is '" + USER + "'; the password is the one "
                    + "the server was started with, from PRIVKG_PASSWORD or --password-file).");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean matches(String credentials) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) return false;
        boolean userOk = MessageDigest.isEqual(sha256(decoded.substring(0, colon)), sha256(USER));
        boolean passwordOk = MessageDigest.isEqual(sha256(decoded.substring(colon + 1)), passwordDigest);
        return userOk & passwordOk;
    }

    /**
     * A browser form (or a script's "simple" request) posted from another site: the browser would attach
     * credentials it remembers for this server, so such a request must not change anything.
     */
    private static boolean crossSiteForm(HttpServletRequest req) {
        String origin = req.getHeader("Origin");
        String fetchSite = req.getHeader("Sec-Fetch-Site");
        boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite)
                || (origin != null && !origin.equalsIgnoreCase(Http.origin(req)));
        if (!crossSite) return false;
        String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
                || type.startsWith("text/plain");
    }

    private static void challenge(HttpServletResponse res, String message) throws IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        Http.text(res, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
