package org.privkg.annotation;

import java.util.List;

/**
 * The smallest unit of a policy that practices come from: a sentence, or part of one split at '；'.
 *
 * @param sentence  index of its sentence in the policy (clauses of one sentence share it)
 * @param paragraph index of its paragraph in the policy
 * @param section   index of the section it belongs to, or -1 before the first heading
 * @param start     code-point offset of its first character in the decoded text
 * @param end       code-point offset just after its last character
 * @param text      plain text, marks removed
 * @param annotated the text as written, marks included
 */
public record Clause(int index, int sentence, int paragraph, int section, long line, int start, int end,
                     String text, String annotated, List<Segment> segments) {

    public List<Mark> marks() {
        return segments.stream().filter(s -> s instanceof Segment.Marked)
                .map(s -> ((Segment.Marked) s).mark()).toList();
    }
}
