package org.privkg.extract;

import org.privkg.annotation.Labels;

/** A party or place a practice names, as a role and a label. */
public record Party(Role role, String label) {
    public enum Role { FIRST_PARTY, THIRD_PARTY, DATA_SUBJECT, PLACE }

    public String key() {
        return Labels.key(label);
    }
}
