package org.privkg.annotate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.privkg.annotate.TextParts.Range;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.standoff.InlineWriter;
import org.privkg.vocab.AnnotationCues;
import org.privkg.vocab.Lexicon;

/**
 * Proposes marks on a raw policy (actions, data items, parties and places, purposes) from the
 * extractor's lexicon and the rules of {@link ClauseRules}, clause by clause. Thread-safe: it holds
 * only word lists built once.
 */
public final class Annotator {
    /** Who made the marks, as the graph of a policy loaded with {@code load --annotate} records it. */
    public static final String NAME = "privkg-annotate";
    /** Bumped whenever the rules or cues change what is proposed. */
    public static final String VERSION = "2";

    private final ClauseRules rules;

    public Annotator(Lexicon lexicon, AnnotationCues cues) {
        this.rules = new ClauseRules(lexicon, cues);
    }

    public static Annotator bundled() {
        return new Annotator(Lexicon.bundled(), AnnotationCues.bundled());
    }

    /** The proposed marks in reading order, not overlapping, offsets in code points. */
    public List<ProposedMark> annotate(String text) {
        List<ClauseRules.Found> found = new ArrayList<>();
        for (Range c : TextParts.clauses(text)) {
            if (!TextParts.isTitleLine(text, c)) found.addAll(rules.propose(text, c));
        }
        found.sort(Comparator.comparingInt(ClauseRules.Found::start));
        List<ProposedMark> out = new ArrayList<>(found.size());
        int charAt = 0;
        int cpAt = 0;
        int lastEnd = 0;
        for (ClauseRules.Found f : found) {
            if (f.start() < lastEnd) continue; // marks never overlap (each rule keeps to free text; this is the guard)
            lastEnd = f.end();
            int s = cpAt + text.codePointCount(charAt, f.start());
            int e = s + text.codePointCount(f.start(), f.end());
            charAt = f.start();
            cpAt = s;
            out.add(new ProposedMark(f.kind(), s, e, f.score()));
        }
        return List.copyOf(out);
    }

    /** The text with the proposed marks written inline (brackets of the text itself escaped). */
    public String marked(String text) {
        return InlineWriter.write(text, spans(annotate(text)));
    }

    public static List<MarkSpan> spans(List<ProposedMark> marks) {
        return marks.stream().map(ProposedMark::span).toList();
    }
}
