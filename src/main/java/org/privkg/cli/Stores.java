package org.privkg.cli;

import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;
import org.privkg.store.StoreLockedException;

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

    /**
     * For commands that only read. TDB2 lets one process at a time open a dataset (a second one, even
     * reading, could see a half-written journal), so while 'privkg serve' holds it the way in is the server.
     */
    static PolicyStore openForReading(StoreOptions o) {
        return openForReading(o, "Ask the server instead: privkg query --service http://localhost:3030/privkg/sparql NAME "
                + "(its host, port and dataset name as 'privkg serve' printed them); or stop that process and try again");
    }

    /** As {@link #openForReading(StoreOptions)}, saying in {@code whatToDo} how this command's answer is had meanwhile. */
    static PolicyStore openForReading(StoreOptions o, String whatToDo) {
        try {
            return PolicyStore.openExisting(o.db(), o.base);
        } catch (StoreLockedException e) {
            throw UserError.failure("the dataset at " + o.db() + " is in use by another process, such as 'privkg serve'. " + whatToDo);
        } catch (StoreException e) {
            throw UserError.failure(e.getMessage());
        }
    }
}
