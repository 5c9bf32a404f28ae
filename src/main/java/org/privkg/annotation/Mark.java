package org.privkg.annotation;

/**
 * One inline mark.
 *
 * @param text   the characters between the brackets, escapes resolved, line end dropped
 * @param label  {@code text} after NFKC and trimming of white space and Markdown emphasis
 * @param start  code-point offset of the opening bracket in the decoded text
 * @param end    code-point offset just after the closing bracket
 */
public record Mark(MarkKind kind, String text, String label, int start, int end, long line, long column) {

    /** The identity of an item: two labels are the same item when equal without white space. */
    public String key() {
        return Labels.key(label);
    }
}
