package org.privkg.cli;

import java.util.List;
import org.privkg.pipeline.PolicyId;
import org.privkg.store.PolicyStore;
import org.privkg.store.PolicyVersion;
import org.privkg.store.PolicyVersions;
import org.privkg.store.StoreException;

/** The versions of the policy a command names, or a message saying what to do instead. */
final class StoredVersions {
    private StoredVersions() {
    }

    /** Never empty: a policy privkg never stored is bad input (exit 2), naming the nearest stored ids. */
    static List<PolicyVersion> of(PolicyStore db, String id) {
        PolicyId.message(id).ifPresent(m -> {
            throw UserError.badInput(m);
        });
        List<PolicyVersion> versions;
        try {
            versions = PolicyVersions.of(db, id);
        } catch (StoreException e) {
            throw UserError.failure(e.getMessage());
        }
        if (versions.isEmpty()) throw PolicyIds.unknown(db, id, db.policyIds(), ", now or before");
        return versions;
    }
}
