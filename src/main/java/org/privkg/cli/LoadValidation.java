package org.privkg.cli;

import java.io.PrintWriter;
import java.util.List;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.rdf.Iris;
import org.privkg.rdf.RdfFormat;
import org.privkg.validate.PolicyValidator;

/** What 'load' says about SHACL violations of a policy it stores: warnings, never a failure. */
final class LoadValidation {
    private static final int SHOWN = 10;
    private static PolicyValidator validator;

    private LoadValidation() {
    }

    /** Validates the policy as it will be stored and prints a warning per violation (at most ten) to err. */
    static void warn(ExtractedPolicy policy, String base, PrintWriter err) {
        if (validator == null) validator = new PolicyValidator();
        List<PolicyValidator.Violation> found = validator.validate(policy, new Iris(base));
        if (found.isEmpty()) return;
        var prefixes = RdfFormat.prefixes(base);
        err.println("privkg: warning: " + (policy.document().source() != null ? policy.document().source() : policy.id()) + ": " + found.size() + " SHACL "
                + LoadCommand.plural(found.size(), "violation", "violations") + " (stored anyway; 'privkg validate' lists them)");
        for (PolicyValidator.Violation v : found.subList(0, Math.min(SHOWN, found.size()))) err.println("  " + v.format(prefixes));
        if (found.size() > SHOWN) err.println("  … and " + (found.size() - SHOWN) + " more");
    }
}
