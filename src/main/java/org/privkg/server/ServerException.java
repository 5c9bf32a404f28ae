package org.privkg.server;

/** The server cannot do what was asked; the message says why in words a user can act on. */
public final class ServerException extends RuntimeException {
    public ServerException(String message) {
        super(message);
    }

    public ServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
