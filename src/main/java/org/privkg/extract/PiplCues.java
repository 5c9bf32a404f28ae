package org.privkg.extract;

import java.util.List;
import org.privkg.annotation.MarkKind;
import org.privkg.vocab.MappingLexicons;

/**
 * The clause-level PIPL cues of ontology/lexicon/pipl.json: whether a clause sends data abroad
 * (cross-border provision, art. 38) and whether it names a recipient as entrusted (受托方为…, art. 21).
 */
final class PiplCues {
    private PiplCues() {
    }

    private static MappingLexicons.ClauseCues cues() {
        return MappingLexicons.bundled().pipl().clauseCues();
    }

    /** Does the clause's text (marks included: '(境外服务器)') speak of sending data abroad? */
    static boolean abroad(ClauseView v) {
        return occurs(v.text, cues().crossBorder(), cues().notCrossBorder());
    }

    /** Is an entity mark of the clause announced as the entrusted party ('受托方为(…)')? */
    static boolean announcesEntrusted(ClauseView v) {
        for (ClauseView.Span e : v.spans(MarkKind.ENTITY)) {
            String before = v.text.substring(v.partStart(e.from()), e.from()).strip();
            for (String a : cues().entrustedAnnouncements()) if (before.endsWith(a)) return true;
        }
        return false;
    }

    /** A cue that occurs outside every occurrence of the exceptions. */
    static boolean occurs(String text, List<String> cues, List<String> exceptions) {
        for (String c : cues) {
            for (int at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) {
                int from = at;
                int to = at + c.length();
                boolean excepted = false;
                for (String x : exceptions) {
                    for (int k = text.indexOf(x); k >= 0 && !excepted; k = text.indexOf(x, k + 1)) {
                        excepted = k <= from && to <= k + x.length();
                    }
                }
                if (!excepted) return true;
            }
        }
        return false;
    }
}
