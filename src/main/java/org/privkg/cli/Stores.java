package org.privkg.cli;

import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;

/** Opens the dataset for a command, turning store problems into plain messages. */
final class Stores {
    private Stores() {
    }

    static PolicyStore open(StoreOptions o) {
        try {
            return PolicyStore.open(o.db(), o.base);
        } catch (StoreException e) {
            throw UserError.failure(e.getMessage());
        }
    }

    static PolicyStore openExisting(StoreOptions o) {
        try {
            return PolicyStore.openExisting(o.db(), o.base);
        } catch (StoreException e) {
            throw UserError.failure(e.getMessage());
        }
    }
}
