package org.privkg.cli;

import java.util.List;
import org.privkg.extract.ExtractedPolicy;
import org.apache.jena.sparql.core.Quad;
import org.privkg.rdf.RdfFormat;
import org.privkg.validate.PolicyValidator;

/** What 'load' says about SHACL violations of a policy it stores: warnings, never a failure. */
final class LoadValidation {
    private static final int SHOWN = 10;
    /** Shared by the load's workers: the validator only reads its shapes and ontology. */
    private static final class Holder {
        static final PolicyValidator VALIDATOR = new PolicyValidator();
    }

    private LoadValidation() {
    }

    /** Validates the policy's quads as they will be stored: warning lines (at most ten violations shown), or "". */
    static String warnings(ExtractedPolicy policy, List<Quad> quads, String base) {
        List<PolicyValidator.Violation> found = Holder.VALIDATOR.validate(policy.id(), quads);
        if (found.isEmpty()) return "";
        var prefixes = RdfFormat.prefixes(base);
        StringBuilder sb = new StringBuilder("privkg: warning: ")
                .append(policy.document().source() != null ? policy.document().source() : policy.id()).append(": ")
                .append(found.size()).append(" SHACL ").append(LoadCommand.plural(found.size(), "violation", "violations"))
                .append(" (stored anyway; 'privkg validate' lists them)\n");
        for (PolicyValidator.Violation v : found.subList(0, Math.min(SHOWN, found.size()))) {
            sb.append("  ").append(v.format(prefixes)).append('\n');
        }
        if (found.size() > SHOWN) sb.append("  … and ").append(found.size() - SHOWN).append(" more\n");
        return sb.toString();
    }
}
