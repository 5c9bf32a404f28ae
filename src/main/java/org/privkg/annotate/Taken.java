package org.privkg.annotate;

import org.privkg.annotate.TextParts.Range;

/** Which characters of a clause a proposed mark already holds: marks never overlap. */
final class Taken {
    private final boolean[] held;
    private final int offset;

    Taken(Range clause) {
        this.held = new boolean[clause.end() - clause.start()];
        this.offset = clause.start();
    }

    boolean free(int from, int to) {
        for (int i = from; i < to; i++) if (held[i - offset]) return false;
        return true;
    }

    void take(int from, int to) {
        for (int i = from; i < to; i++) held[i - offset] = true;
    }
}
