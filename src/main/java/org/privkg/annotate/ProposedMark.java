package org.privkg.annotate;

import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.MarkKind;

/**
 * A mark the annotator proposes for review.
 *
 * @param start code-point offset of its first character in the text
 * @param end   code-point offset just after its last character
 * @param score how sure the rule that proposed it is, 0 to 1 (Label Studio shows it beside the span)
 */
public record ProposedMark(MarkKind kind, int start, int end, double score) {
    public MarkSpan span() {
        return new MarkSpan(kind, start, end);
    }
}
