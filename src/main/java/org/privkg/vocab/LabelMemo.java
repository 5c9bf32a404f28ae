package org.privkg.vocab;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A lexicon's answer for each label, computed once: matching is pure, and a corpus says the same
 * labels over and over. Emptied when it holds too many, so that a long load of ever new labels does
 * not grow memory. Safe for the load's worker threads (two may compute the same answer once each).
 */
final class LabelMemo<V> {
    private static final int LABELS_KEPT = 100_000;

    private final ConcurrentHashMap<String, V> answers = new ConcurrentHashMap<>();
    private final Function<String, V> compute;

    LabelMemo(Function<String, V> compute) {
        this.compute = compute;
    }

    V get(String label) {
        V v = answers.get(label);
        if (v == null) {
            if (answers.size() > LABELS_KEPT) answers.clear();
            v = compute.apply(label);
            answers.put(label, v);
        }
        return v;
    }
}
