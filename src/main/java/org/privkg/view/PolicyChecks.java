package org.privkg.view;

import java.util.List;

/**
 * Where the results of {@code privkg check} join a policy's page and report: whoever runs checks supplies
 * them; the page shows a section only when there are findings to show.
 */
@FunctionalInterface
public interface PolicyChecks {
    /** No checks run: the page has no checks section. */
    PolicyChecks NONE = id -> List.of();

    /**
     * One result of a check on a policy.
     *
     * @param check   the check's name
     * @param outcome pass, fail, warn ... as the check says
     * @param message what it found, in words
     * @param clause  the IRI of the clause it concerns, or null
     */
    record Finding(String check, String outcome, String message, String clause) {
    }

    List<Finding> findings(String policyId);
}
