package org.privkg.cli;

import java.util.List;
import org.privkg.pipeline.PolicyId;
import org.privkg.store.PolicyStore;
import org.privkg.store.PolicyVersion;
import org.privkg.store.PolicyVersions;
import org.privkg.store.StoreException;

/** The versions of the policy a command names, or a message saying what to do instead. */
final class StoredVersions {
    private static final int IDS_SHOWN = 10;

    private StoredVersions() {
    }

    /** Never empty: a policy privkg never stored is bad input (exit 2), naming the stored ids. */
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
        if (versions.isEmpty()) {
            List<String> ids = db.policyIds();
            String stored = ids.isEmpty() ? "it holds no policy"
                    : "its policies: " + String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())))
                    + (ids.size() > IDS_SHOWN ? " … (" + ids.size() + " in all; 'privkg query --db " + db.dir() + " policies')" : "");
            throw UserError.badInput("no policy '" + id + "' in " + db.dir() + ", now or before; " + stored);
        }
        return versions;
    }
}
