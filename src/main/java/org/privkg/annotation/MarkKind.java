package org.privkg.annotation;

/** The four inline marks of docs/annotating.md, each with its ASCII brackets. */
public enum MarkKind {
    PURPOSE('{', '}'), ACTION('[', ']'), DATA('<', '>'), ENTITY('(', ')');

    public final char open;
    public final char close;

    MarkKind(char open, char close) {
        this.open = open;
        this.close = close;
    }

    // asked for every character of a policy: a switch, not a search of the constants
    public static MarkKind opening(int c) {
        return switch (c) {
            case '{' -> PURPOSE;
            case '[' -> ACTION;
            case '<' -> DATA;
            case '(' -> ENTITY;
            default -> null;
        };
    }

    public static MarkKind closing(int c) {
        return switch (c) {
            case '}' -> PURPOSE;
            case ']' -> ACTION;
            case '>' -> DATA;
            case ')' -> ENTITY;
            default -> null;
        };
    }

    public static boolean isMarkChar(int c) {
        return c < 128 && (opening(c) != null || closing(c) != null);
    }
}
