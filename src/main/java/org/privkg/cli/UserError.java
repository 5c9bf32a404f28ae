package org.privkg.cli;

/** A failure the user can fix; its message is printed as is, with no stack trace. */
final class UserError extends RuntimeException {
    final int exitCode;

    UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    static UserError badInput(String message) {
        return new UserError(Main.BAD_INPUT, message);
    }

    static UserError failure(String message) {
        return new UserError(Main.FAILURE, message);
    }
}
