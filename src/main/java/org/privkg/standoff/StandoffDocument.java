package org.privkg.standoff;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.Clause;
import org.privkg.annotation.Mark;
import org.privkg.annotation.PolicyDocument;
import org.privkg.annotation.PolicyDocument.Evidence;

/**
 * A checked standoff annotation as the same {@link PolicyDocument} the inline parser makes, so it
 * takes the same way on to practices and triples. Two things differ from an inline policy: offsets
 * are those of the plain text (the file the tool annotated), and a clause's annotated text is its
 * plain text with its marks written inline, for a reader of the graph.
 */
public final class StandoffDocument {
    private StandoffDocument() {
    }

    public static PolicyDocument build(String id, String source, String text, SpanCheck.Checked checked) {
        PolicyDocument doc = AnnotationParser.fromSpans(id, source, text, checked.marks());
        CodePoints cps = new CodePoints(text);
        List<Clause> clauses = new ArrayList<>(doc.clauses().size());
        for (Clause c : doc.clauses()) {
            List<MarkSpan> local = new ArrayList<>();
            for (Mark m : c.marks()) local.add(new MarkSpan(m.kind(), m.start() - c.start(), m.end() - c.start()));
            String annotated = InlineWriter.write(cps.substring(c.start(), c.end()), local);
            clauses.add(new Clause(c.index(), c.sentence(), c.paragraph(), c.section(), c.line(), c.start(), c.end(),
                    c.text(), annotated, c.segments()));
        }
        List<Evidence> evidence = new ArrayList<>(checked.evidence().size());
        for (Evidence e : checked.evidence()) {
            evidence.add(new Evidence(e.label(), e.text(), e.start(), e.end(), clauseAt(clauses, e.start())));
        }
        return new PolicyDocument(doc.id(), doc.source(), doc.lines(), doc.sections(), List.copyOf(clauses), List.copyOf(evidence));
    }

    private static int clauseAt(List<Clause> clauses, int offset) {
        int lo = 0;
        int hi = clauses.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Clause c = clauses.get(mid);
            if (offset < c.start()) hi = mid - 1;
            else if (offset >= c.end()) lo = mid + 1;
            else return c.index();
        }
        return -1;
    }
}
