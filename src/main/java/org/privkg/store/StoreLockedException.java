package org.privkg.store;

import java.nio.file.Path;

/** Another process (say 'privkg serve') holds the dataset. */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(Path dir, Throwable cause) {
        super("the dataset at " + dir + " is in use by another process (a running 'privkg serve' or 'privkg load'?). "
                + "Stop that process and try again, or load through the server with 'privkg serve --allow-update'.", cause);
    }
}
