package org.privkg.annotation;

import java.util.List;

/**
 * A parsed policy: its sections and clauses in reading order, plus the plain text of each line.
 *
 * @param evidence spans of a standoff annotation that are no mark (CA4P's conditions), kept with
 *                 their text; inline marks have none
 */
public record PolicyDocument(String id, String source, List<String> lines, List<Section> sections,
                             List<Clause> clauses, List<Evidence> evidence) {

    public PolicyDocument(String id, String source, List<String> lines, List<Section> sections, List<Clause> clauses) {
        this(id, source, lines, sections, clauses, List.of());
    }

    /**
     * A labelled span that is not a mark, such as a condition.
     *
     * @param clause index of the clause its start falls in, or -1 when it starts between clauses
     */
    public record Evidence(String label, String text, int start, int end, int clause) {
    }
}
