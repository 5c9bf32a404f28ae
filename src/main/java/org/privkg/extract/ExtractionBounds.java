package org.privkg.extract;

/**
 * What one clause may give at most (README, "Extraction rules", "Bounds"). The rules compare the marks
 * of a clause with each other (each action with each data item, purpose and party), so a clause of
 * thousands of marks would take time and give output that grow with their square: these bounds keep
 * both linear in the input. No clause of a real policy comes near them (the bundled and unseen
 * policies have at most 4 actions and 14 data items in a clause); past them the extractor warns, and
 * keeps the first of each kind, in reading order.
 */
final class ExtractionBounds {
    private ExtractionBounds() {
    }

    /** Marks of each kind (actions, data items, purposes, parties) read in one clause. */
    static final int MARKS_PER_KIND = 64;

    /** Actions (verbs, once an action mark such as [收集、使用] is split) read in one clause. */
    static final int ACTIONS_PER_CLAUSE = 32;

    /**
     * Links one clause may add: for each practice it gives, its data items, purposes, recipients,
     * sources and places. Practices are kept in order while they fit (the first always is); a clause
     * of purposes only reaches back to as many practices of its sentence, nearest first, as fit.
     */
    static final int LINKS_PER_CLAUSE = 256;
}
