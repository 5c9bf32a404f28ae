package org.privkg.check;

/** One row of a check: what in which policy fails it, and the clause that shows it. */
public record Finding(String check, String policyId, String practice, String line, String clause, String detail) {
}
