package org.privkg.annotate;

import java.util.List;
import org.privkg.annotate.ClauseRules.Found;
import org.privkg.annotate.TextParts.Range;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.WordList;
import org.privkg.vocab.AnnotationCues;

/**
 * A purpose cue (为了, 用于, 以便; 为 or 以 opening a comma-part, not 为您 or 以下) makes the rest of its
 * part a purpose, less a trailing 的目的 or 等; 为…时 opening a part is a time, not a purpose. The cue
 * stays outside the mark, as in the guide's 为{提供会员服务}.
 */
final class PurposeRule {
    static final double SCORE = 0.7;

    private final WordList purposeOpeners;
    private final WordList partStartOpeners;
    private final WordList notAfterOpener;
    private final WordList trailers;
    private final WordList temporal;

    PurposeRule(AnnotationCues cues) {
        this.purposeOpeners = new WordList(cues.purposeOpeners());
        this.partStartOpeners = new WordList(cues.partStartOpeners());
        this.notAfterOpener = new WordList(cues.notAfterOpener());
        this.trailers = new WordList(cues.purposeTrailers());
        this.temporal = new WordList(cues.temporalEnders());
    }

    void propose(String text, Range part, Taken taken, List<Found> out) {
        int from = -1;
        String start = partStartOpeners.at(text, part.start(), part.end());
        String anywhere = purposeOpeners.at(text, part.start(), part.end());
        if (anywhere != null) {
            from = part.start() + anywhere.length();
        } else if (start != null && notAfterOpener.at(text, part.start() + start.length(), part.end()) == null) {
            from = part.start() + start.length();
        } else {
            for (int i = part.start() + 1; i < part.end() && from < 0; i++) {
                String w = purposeOpeners.at(text, i, part.end());
                if (w != null) from = i + w.length();
            }
        }
        if (from < 0) return;
        int to = part.end();
        if (temporal.endingAt(text, to) != null && from - part.start() <= 2) return; // 为…时: a time, not a purpose
        for (String t = trailers.endingAt(text, to); t != null && to - t.length() > from; t = trailers.endingAt(text, to)) {
            to -= t.length();
        }
        Range r = TextParts.trim(text, from, to);
        if (r.end() - r.start() < 2 || !taken.free(r.start(), r.end())) return;
        taken.take(r.start(), r.end());
        out.add(new Found(MarkKind.PURPOSE, r.start(), r.end(), SCORE));
    }
}
