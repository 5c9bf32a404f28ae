package org.privkg.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;

/**
 * Who may change the dataset on a server started with updates: HTTP Basic auth as {@value #USER},
 * checked twice. Jetty's security handler asks for it on the write paths as it matches them (decoded and
 * normalised: path parameters, encoded dots, doubled slashes); then the write itself checks the user it
 * got, at the endpoint the container routed to (Fuseki's endpoint policy for {@code /privkg/update} and
 * {@code /privkg/data}, {@link PolicyServlet} for policies), because the two do not read every spelling
 * alike: an encoded slash ({@code policies%2Fgame}) is one segment to the first and a path to the second.
 * Reads stay open. A read-only server has no write operations at all.
 */
final class UpdateSecurity {
    static final String USER = "admin";
    static final String REALM = "privkg";
    /** The Basic challenge every 401 of the server carries. */
    static final String CHALLENGE = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    /** The answer of a read-only server to a write: the operation does not exist here (405), and how to get it. */
    static void refuseAsReadOnly(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Http.discardBody(req, res);
        res.setHeader("Allow", "GET, HEAD, OPTIONS");
        Http.text(res, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "405 Method Not Allowed: this server is read-only; "
                + req.getMethod() + " " + req.getRequestURI() + " would change the dataset. Start it with 'privkg serve "
                + "--allow-update' (the admin password comes from PRIVKG_PASSWORD or --password-file) to accept updates.");
    }

    /** Methods that only read; every other method on a write path needs the password. */
    private static final String[] READS = {"GET", "HEAD", "OPTIONS"};

    private UpdateSecurity() {
    }

    static ConstraintSecurityHandler handler(String dataset, String password) {
        ConstraintSecurityHandler csh = JettySecurityLib.makeSecurityHandler(REALM,
                JettySecurityLib.makeUserStore(USER, password), AuthScheme.BASIC);
        csh.setAuthenticator(new GuardedBasicAuthenticator(new LoginBackoff()));
        // Fuseki adds the same for DATASET/update and DATASET/data from their endpoint policies (every method)
        requireLogin(csh, dataset + PolicyServlet.SEGMENT);
        requireLogin(csh, dataset + PolicyServlet.SEGMENT + "/*");
        return csh;
    }

    private static void requireLogin(ConstraintSecurityHandler csh, String pathSpec) {
        ConstraintMapping m = new ConstraintMapping();
        m.setConstraint(new Constraint.Builder().name("BASIC").authorization(Constraint.Authorization.ANY_USER).build());
        m.setPathSpec(pathSpec);
        m.setMethodOmissions(READS);
        csh.addConstraintMapping(m);
    }
}
