package org.privkg.cli;

import java.util.List;
import org.privkg.store.PolicyStore;

/** A policy id given on the command line must name a stored policy: a typo would otherwise answer nothing. */
final class PolicyIds {
    private PolicyIds() {
    }

    static void requireStored(PolicyStore db, String id) {
        List<String> ids = db.policyIds();
        if (!ids.contains(id)) throw unknown(db, id, ids, "");
    }

    /** The error for an id that names no stored policy ({@code when} narrows it, e.g. ", now or before"). */
    static UserError unknown(PolicyStore db, String id, List<String> ids, String when) {
        String stored = ids.isEmpty() ? "it holds none; load some with 'privkg load'"
                : ids.size() <= 10 ? "stored: " + String.join(", ", ids)
                : "'privkg query policies' lists the " + ids.size() + " stored";
        return UserError.badInput("no policy '" + id + "' in " + db.dir() + when + Nearest.hint(id, ids) + " (" + stored + ")");
    }
}
