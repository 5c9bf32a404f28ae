package org.privkg.cli;

import java.util.List;
import org.privkg.store.PolicyStore;

/** A policy id given on the command line must name a stored policy: a typo would otherwise answer nothing. */
final class PolicyIds {
    private PolicyIds() {
    }

    static void requireStored(PolicyStore db, String id) {
        List<String> ids = db.policyIds();
        if (ids.contains(id)) return;
        String stored = ids.isEmpty() ? "it holds none; load some with 'privkg load'"
                : ids.size() <= 10 ? "stored: " + String.join(", ", ids)
                : "'privkg query policies' lists the " + ids.size() + " stored";
        throw UserError.badInput("no policy '" + id + "' in " + db.dir() + Nearest.hint(id, ids) + " (" + stored + ")");
    }
}
