package org.privkg.annotate;

import java.util.List;
import org.privkg.annotate.ClauseRules.Found;
import org.privkg.annotate.TextParts.Range;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.WordList;
import org.privkg.vocab.AnnotationCues;

/**
 * Entities of a clause that has an action: a party or place word (第三方, 公司, SDK, 服务器; parties.json),
 * with adjacent ones joined and the name before it (个推SDK, 合作保险公司), unless it stands alone among
 * notEntities (境内) or after 任何; and the policy's own side (我们, 本公司) as the subject of an action of
 * its part (docs/annotating.md: "(我们)会[收集]").
 */
final class PartyRule {
    static final double SCORE = 0.75;
    static final double OWN_SIDE_SCORE = 0.6;

    private final AnnotationCues cues;
    private final WordList parties;
    private final WordList verbs;
    private final WordList firstParty;
    private final WordList notEntities;
    private final WordList negation;
    private final WordList nameStops;
    private final WordList notNegation;

    PartyRule(AnnotationCues cues, WordList parties, WordList verbs, WordList firstParty, WordList negation,
              WordList notNegation) {
        this.negation = negation;
        this.notNegation = notNegation;
        this.cues = cues;
        this.parties = parties;
        this.verbs = verbs;
        this.firstParty = firstParty;
        this.notEntities = new WordList(cues.notEntities());
        this.nameStops = new WordList(cues.partyNameStops());
    }

    void propose(String text, Range clause, List<Range> parts, Taken taken, List<Found> out) {
        List<Found> actions = out.stream().filter(f -> f.kind() == MarkKind.ACTION).toList();
        for (int i = clause.start(); i < clause.end(); i++) {
            String own = firstParty.at(text, i, clause.end());
            if (own != null) {
                if (subjectOfAction(text, i, i + own.length(), parts, actions) && taken.free(i, i + own.length())) {
                    taken.take(i, i + own.length());
                    out.add(new Found(MarkKind.ENTITY, i, i + own.length(), OWN_SIDE_SCORE));
                }
                i += own.length() - 1;
                continue;
            }
            String w = parties.at(text, i, clause.end());
            if (w == null) continue;
            int end = i + w.length();
            for (String more = parties.at(text, end, clause.end()); more != null; more = parties.at(text, end, clause.end())) {
                end += more.length();
            }
            int start = i;
            while (start > clause.start() && i - start < cues.partyMaxPrefix() && taken.free(start - 1, start)
                    && isNamePart(text.charAt(start - 1)) && verbs.endingAt(text, start) == null
                    && nameStops.endingAt(text, start) == null) {
                start--;
            }
            boolean alone = notEntities.contains(text.substring(i, end)) || text.startsWith("任何", start);
            if (!alone && taken.free(start, end)) {
                taken.take(start, end);
                out.add(new Found(MarkKind.ENTITY, start, end, SCORE));
            }
            i = end - 1;
        }
    }

    /** Can a name before a party word hold this character (个推SDK, 合作保险公司; not ● or 的)? */
    private boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) && cues.partyStops().indexOf(c) < 0;
    }

    /**
     * Does an action of the same part follow the word, which no preposition makes its object (向我们, 与本公司), and
     * no negation stands between (我们不会出售: human annotators leave the own side of a promise unmarked)?
     */
    private boolean subjectOfAction(String text, int s, int e, List<Range> parts, List<Found> actions) {
        if (s > 0 && "向给与和及从对被由为经".indexOf(text.charAt(s - 1)) >= 0) return false;
        Range part = parts.stream().filter(p -> p.start() <= s && s < p.end()).findFirst().orElse(null);
        if (part == null || (e < part.end() && text.charAt(e) == '的')) return false;
        return actions.stream().anyMatch(a -> a.start() >= e && a.start() < part.end() && !negated(text, e, a.start()));
    }

    /** A negation word in text[from, to), not one of the words that only look like one (未经, 不限于). */
    private boolean negated(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            String not = notNegation.at(text, i, to);
            if (not != null) {
                i += not.length() - 1;
            } else if (negation.at(text, i, to) != null) {
                return true;
            }
        }
        return false;
    }
}
