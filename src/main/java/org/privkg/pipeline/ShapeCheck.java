package org.privkg.pipeline;

import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.rdf.RdfFormat;
import org.privkg.validate.PolicyValidator;

/**
 * The check every stored policy gets ({@link LoadPipeline.Check}): its quads against the SHACL shapes.
 * Violations are warnings, never a failure; the policy is stored anyway.
 */
public final class ShapeCheck implements LoadPipeline.Check {
    private static final int SHOWN = 10;

    /** Shared by the load's workers: the validator only reads its shapes and ontology. */
    private static final class Holder {
        static final PolicyValidator VALIDATOR = new PolicyValidator();
    }

    private final String base;

    /** @param base the IRI base violations are shown against (prefixes), or null for the default */
    public ShapeCheck(String base) {
        this.base = base;
    }

    /** Warning lines for the policy's quads as they will be stored (at most ten violations shown), or "". */
    @Override
    public String check(ExtractedPolicy policy, List<Quad> quads) {
        List<PolicyValidator.Violation> found = Holder.VALIDATOR.validate(policy.id(), quads);
        if (found.isEmpty()) return "";
        var prefixes = RdfFormat.prefixes(base);
        StringBuilder sb = new StringBuilder("privkg: warning: ")
                .append(policy.document().source() != null ? policy.document().source() : policy.id()).append(": ")
                .append(found.size()).append(" SHACL ").append(found.size() == 1 ? "violation" : "violations")
                .append(" (stored anyway; 'privkg validate' lists them)\n");
        for (PolicyValidator.Violation v : found.subList(0, Math.min(SHOWN, found.size()))) {
            sb.append("  ").append(v.format(prefixes)).append('\n');
        }
        if (found.size() > SHOWN) sb.append("  … and ").append(found.size() - SHOWN).append(" more\n");
        return sb.toString();
    }
}
