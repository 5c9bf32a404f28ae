package org.privkg.store;

/** The dataset cannot do what was asked; the message says why and what to do. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
