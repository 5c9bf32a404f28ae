package org.privkg.view;

import java.util.List;

/**
 * One practice of a policy as the page shows it.
 *
 * @param number  the practice's number in its policy (the last segment of its IRI)
 * @param action  the action concept's local name (Collect, Share ...)
 * @param clause  the IRI of the clause it was taken from, or null
 */
public record Practice(int number, String iri, String clause, String action, String actionText, boolean negated,
                       boolean crossBorder, FlowNode actor, List<FlowNode> data, List<FlowNode> purposes,
                       List<FlowNode> recipients, List<FlowNode> sources, List<FlowNode> storedIn) {
    /** The verb as the policy wrote it, else the action concept. */
    public String verb() {
        return actionText != null && !actionText.isBlank() ? actionText : action;
    }
}
