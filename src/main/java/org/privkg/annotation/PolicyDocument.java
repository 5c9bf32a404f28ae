package org.privkg.annotation;

import java.util.List;

/** A parsed policy: its sections and clauses in reading order, plus the plain text of each line. */
public record PolicyDocument(String id, String source, List<String> lines, List<Section> sections,
                             List<Clause> clauses) {
}
