package org.privkg.server;

import java.util.List;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;

/**
 * Who may change the dataset on a server started with updates: HTTP Basic auth as {@value #USER},
 * checked by Jetty's own security handler on the path the container routes (after decoding and
 * normalising it: path parameters, encoded slashes and dots, doubled slashes), so that no spelling of a
 * path reaches a write without it. Reads stay open. A read-only server has no write operations at all.
 */
final class UpdateSecurity {
    static final String USER = "admin";
    static final String REALM = "privkg";
    /** Methods that only read; every other method on a write path needs the password. */
    private static final String[] READS = {"GET", "HEAD", "OPTIONS"};

    private UpdateSecurity() {
    }

    static ConstraintSecurityHandler handler(String password) {
        ConstraintSecurityHandler csh = JettySecurityLib.makeSecurityHandler(REALM,
                JettySecurityLib.makeUserStore(USER, password), AuthScheme.BASIC);
        csh.setAuthenticator(new GuardedBasicAuthenticator(new LoginBackoff()));
        for (String path : List.of(Site.DATASET + "/update", Site.DATASET + "/data", PolicyServlet.PATH)) {
            // "/x/*" matches "/x" itself too; the exact spec is added for clarity of the mapping table
            requireLogin(csh, path);
            requireLogin(csh, path + "/*");
        }
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
