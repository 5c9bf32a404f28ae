package org.privkg.annotation;

/** The four inline marks of SPEC §1, each with its ASCII brackets. */
public enum MarkKind {
    PURPOSE('{', '}'), ACTION('[', ']'), DATA('<', '>'), ENTITY('(', ')');

    public final char open;
    public final char close;

    MarkKind(char open, char close) {
        this.open = open;
        this.close = close;
    }

    private static final MarkKind[] ALL = values();

    public static MarkKind opening(int c) {
        for (MarkKind k : ALL) if (k.open == c) return k;
        return null;
    }

    public static MarkKind closing(int c) {
        for (MarkKind k : ALL) if (k.close == c) return k;
        return null;
    }

    public static boolean isMarkChar(int c) {
        return opening(c) != null || closing(c) != null;
    }
}
