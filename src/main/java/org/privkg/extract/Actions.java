package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/** The verbs of a clause (docs/annotating.md): each action mark's verbs, or the verb an unmarked practice infers. */
final class Actions {
    private final Words words;
    /** Whether {@link #of} left verbs of the last clause unread ({@link ExtractionBounds#ACTIONS_PER_CLAUSE}). */
    private boolean cut;

    Actions(Words words) {
        this.words = words;
    }

    /** The verbs of the action marks, in reading order; connected marks (收集、使用) form one group. */
    List<Act> of(ClauseView v) {
        cut = false;
        List<Act> acts = new ArrayList<>();
        int group = 0;
        Span previous = null;
        for (Span s : v.spans(MarkKind.ACTION)) {
            if (previous == null || !words.isConnective(v.text, previous.to(), s.from())
                    || v.markBetween(previous.to(), s.from())) {
                group++;
            }
            for (String verb : words.splitVerbs(s.mark().label())) {
                if (acts.size() == ExtractionBounds.ACTIONS_PER_CLAUSE) {
                    cut = true;
                    return acts;
                }
                acts.add(new Act(s, s.from(), s.to(), verb, group));
            }
            previous = s;
        }
        return acts;
    }

    /** Whether the last {@link #of} left verbs unread. */
    boolean cut() {
        return cut;
    }

    /** No action mark: the nearest lexicon verb before the first data item that has one (docs/annotating.md). */
    Act inferred(ClauseView v, Span[] data, Explanation explain) {
        List<Words.Verb> verbs = words.verbsIn(v);
        for (Span d : data) {
            Words.Verb best = null;
            for (Words.Verb verb : verbs) if (verb.to() <= d.from()) best = verb;
            if (best != null) {
                if (explain.on()) {
                    explain.decided("action " + best.text() + ": no action mark; the nearest lexicon verb before <"
                            + d.mark().label() + "> (an inferred practice)");
                }
                return new Act(null, best.from(), best.to(), best.text(), 1);
            }
        }
        if (explain.on()) explain.decided("action Process: no action mark and no lexicon verb before the data (an inferred practice)");
        return new Act(null, data[0].from(), data[0].from(), "", 1);
    }
}
