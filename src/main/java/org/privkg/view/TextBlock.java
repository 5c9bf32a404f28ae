package org.privkg.view;

/**
 * A heading or a clause of a policy's text, in reading order.
 *
 * @param level     the heading level, or 0 for a clause
 * @param text      the heading, or the clause's annotated text (marks included)
 */
public record TextBlock(String iri, long line, long start, int level, String text) {
    public boolean heading() {
        return level > 0;
    }
}
