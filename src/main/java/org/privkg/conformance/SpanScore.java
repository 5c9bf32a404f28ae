package org.privkg.conformance;

import java.util.List;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.MarkKind;

/**
 * Span counts of one mark kind, proposed against gold: by exact match (same start and end) and by
 * overlap (a proposed span that shares a character with a gold span of its kind counts for precision,
 * a gold span that some proposed span overlaps counts for recall).
 */
public record SpanScore(int gold, int proposed, int exact, int overlapGold, int overlapProposed) {
    public static final SpanScore ZERO = new SpanScore(0, 0, 0, 0, 0);

    public static SpanScore of(MarkKind kind, List<MarkSpan> gold, List<MarkSpan> proposed) {
        List<MarkSpan> g = gold.stream().filter(m -> m.kind() == kind).toList();
        List<MarkSpan> p = proposed.stream().filter(m -> m.kind() == kind).toList();
        int exact = (int) p.stream().filter(g::contains).count();
        int og = (int) g.stream().filter(x -> p.stream().anyMatch(y -> overlap(x, y))).count();
        int op = (int) p.stream().filter(y -> g.stream().anyMatch(x -> overlap(x, y))).count();
        return new SpanScore(g.size(), p.size(), exact, og, op);
    }

    private static boolean overlap(MarkSpan a, MarkSpan b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    public SpanScore plus(SpanScore o) {
        return new SpanScore(gold + o.gold, proposed + o.proposed, exact + o.exact, overlapGold + o.overlapGold,
                overlapProposed + o.overlapProposed);
    }

    public GoldScorer.Prf exactPrf() {
        return GoldScorer.prf(new GoldScorer.Score(exact, gold, exact, proposed));
    }

    public GoldScorer.Prf overlapPrf() {
        return GoldScorer.prf(new GoldScorer.Score(overlapGold, gold, overlapProposed, proposed));
    }
}
