package org.privkg.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's Basic authentication (its login service checks the password), answering in plain text like the
 * rest of the server and taking a malformed header as a wrong password, with two refusals before it: a cross-site form (the browser would send
 * the password it remembers for this server along with a form posted from another site), and an address
 * that has guessed wrong too often ({@link LoginBackoff}).
 */
final class GuardedBasicAuthenticator extends BasicAuthenticator {
    private final LoginBackoff backoff;

    GuardedBasicAuthenticator(LoginBackoff backoff) {
        this.backoff = backoff;
        setCharset(StandardCharsets.UTF_8);
    }

    @Override
    public AuthenticationState validateRequest(Request req, Response res, Callback callback) throws ServerAuthException {
        // asked who the user is on a path that needs no login (Fuseki asks on every request): nobody
        if (res == null || res instanceof AuthenticationState.Deferred.DeferredResponse) return null;
        if (crossSiteForm(req)) {
            return refuse(req, res, callback, HttpStatus.FORBIDDEN_403, "403 Forbidden: a cross-site form submission cannot change "
                    + "the dataset. From a script on another origin, send the update with its own Authorization header and a "
                    + "non-form Content-Type such as application/sparql-update.");
        }
        String address = Request.getRemoteAddr(req);
        String credentials = req.getHeaders().get(HttpHeader.AUTHORIZATION);
        long wait = credentials == null ? 0 : backoff.attempt(address);
        if (wait > 0) {
            res.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(wait));
            return refuse(req, res, callback, HttpStatus.TOO_MANY_REQUESTS_429, "429 Too Many Requests: too many wrong passwords "
                    + "from " + address + "; try again in " + wait + " s.");
        }
        UserIdentity user = credentials == null ? null : login(credentials, req, res);
        if (user != null) {
            backoff.succeeded(address);
            return new UserAuthenticationSucceeded(getAuthenticationType(), user);
        }
        if (res.isCommitted()) return null;
        res.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, UpdateSecurity.CHALLENGE);
        refuse(req, res, callback, HttpStatus.UNAUTHORIZED_401, credentials == null
                ? "401 Unauthorized: changing the dataset needs HTTP Basic authentication as user '" + UpdateSecurity.USER
                + "' (e.g. curl -u " + UpdateSecurity.USER + ":PASSWORD ...)."
                : "401 Unauthorized: wrong user name or password (the user is '" + UpdateSecurity.USER + "'; the password is the one "
                + "the server was started with, from PRIVKG_PASSWORD or --password-file).");
        return AuthenticationState.CHALLENGE;
    }

    /** The user of a well-formed Basic header with the right password; null for anything else. */
    private UserIdentity login(String header, Request req, Response res) {
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase("Basic")) return null;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon <= 0 ? null : login(decoded.substring(0, colon), decoded.substring(colon + 1), req, res);
    }

    private static AuthenticationState refuse(Request req, Response res, Callback callback, int status, String message) {
        // the client may still be sending a body this refusal never reads
        res.getHeaders().put(HttpHeader.CONNECTION, "close");
        // the body in the server's one error form (ErrorBodyHandler): text, or JSON when asked for
        Response.writeError(req, res, callback, status, message);
        return AuthenticationState.SEND_FAILURE;
    }

    /** A form or plain-text post (what a page can send to another site without asking first) from another site. */
    private static boolean crossSiteForm(Request req) {
        String origin = req.getHeaders().get(HttpHeader.ORIGIN);
        String fetchSite = req.getHeaders().get("Sec-Fetch-Site");
        String own = req.getHttpURI().getScheme() + "://" + req.getHttpURI().getAuthority();
        boolean crossSite = "cross-site".equalsIgnoreCase(fetchSite) || (origin != null && !origin.equalsIgnoreCase(own));
        if (!crossSite) return false;
        String type = req.getHeaders().get(HttpHeader.CONTENT_TYPE);
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
                || type.startsWith("text/plain");
    }
}
