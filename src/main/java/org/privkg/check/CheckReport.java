package org.privkg.check;

import java.util.List;

/** Every check against every policy asked about: a check passes for a policy when it found nothing there. */
public record CheckReport(List<Check> checks, List<String> policies, List<Finding> findings) {
    public boolean anyFound() {
        return !findings.isEmpty();
    }

    public List<Finding> findings(String check, String policyId) {
        return findings.stream().filter(f -> f.check().equals(check) && f.policyId().equals(policyId)).toList();
    }
}
