package org.privkg.extract;

import java.util.regex.Matcher;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/**
 * Negation and the conditions a practice is stated under: '不会[出售]' negates; '在获得您的同意后'
 * and '经监护人同意' make consent a condition; '未经您的同意，我们不会[转让]…' and '除非…否则不会…'
 * are conditions, not negations: the practice happens, only with consent (or in the named case).
 */
final class Conditions {
    private final Words words;
    /** The clause {@link #frames} and {@link #condition} were found in. */
    private ClauseView framesOf;
    private boolean[] frames;
    private ClauseView conditionOf;
    private int conditionStart;
    private int conditionEnd;

    Conditions(Words words) {
        this.words = words;
    }

    /**
     * A negation cue before the action in its comma-part, with no other verb between (docs/annotating.md), in a
     * clause that does not state it as a condition. Adverbial frames ('在未取得您同意的情况下') are
     * skipped: their verbs and cues qualify, not negate.
     */
    boolean negated(ClauseView v, Act a, Explanation explain) {
        int action = a.from();
        int cue = negationCue(v, action);
        if (cue < 0) return false;
        boolean conditional = conditional(v, a);
        if (explain.on()) {
            String verb = "[" + v.text.substring(a.from(), a.to()) + "]";
            String negation = cueAt(v.text, cue, words.negation, words.notNegation);
            if (!conditional) {
                explain.decided("negation: " + negation + " before " + verb);
            } else {
                String condition = v.text.substring(conditionStart, conditionEnd);
                boolean consent = words.consent.occursIn(condition);
                explain.decided("condition: " + condition + (conditionStart < action ? " before " : " after ") + verb
                        + " (" + (consent ? "consent condition" : "condition") + ", not a negation: " + negation + " is 'only if')");
            }
        }
        return !conditional;
    }

    /**
     * A condition before the action ('未经您的同意，我们不会[转让]'), or a 除非 after it with no other
     * action between ('不会[访问]您的<视频内容>，除非您主动授权') but those joined to it by a connective,
     * which share its negation ('不会[转让]或[公开披露]您的<个人信息>，除非获得您的单独同意').
     */
    private boolean conditional(ClauseView v, Act a) {
        if (!hasCondition(v)) return false;
        if (conditionStart < a.from()) return true;
        if (!v.text.startsWith("除非", conditionStart)) return false;
        int joinedUpTo = a.to();
        for (Span s : v.spans(MarkKind.ACTION)) {
            if (s.from() < a.to() || s.to() > conditionStart) continue;
            if (!words.isConnective(v.text, joinedUpTo, s.from()) || v.markBetween(joinedUpTo, s.from())) return false;
            joinedUpTo = s.to();
        }
        return true;
    }

    /** Whether the clause states a condition ('未经您的同意', '除非…'): the negation in it is 'only if'. */
    boolean hasCondition(ClauseView v) {
        condition(v);
        return conditionStart >= 0;
    }

    /** Where the negation cue of the action starts, or -1 when it has none. */
    private int negationCue(ClauseView v, int action) {
        int start = v.partStart(action);
        for (int i = action - 1; i >= start; i--) {
            if (v.inMark(i)) continue;
            String cue = cueAt(v.text, i, words.negation, words.notNegation);
            if (cue == null) continue;
            boolean[] frame = frames(v); // only clauses with a cue pay for the frame pattern
            if (frame[i]) continue;
            int cueEnd = i + cue.length();
            for (Span s : v.spans(MarkKind.ACTION)) if (s.from() >= cueEnd && s.to() <= action) return -1;
            StringBuilder gap = new StringBuilder(Math.max(0, action - cueEnd));
            for (int k = cueEnd; k < action; k++) if (!frame[k] && !v.inMark(k)) gap.append(v.text.charAt(k));
            String plain = gap.toString();
            for (int k = 0; k < plain.length(); k++) if (words.verbAt(plain, k) != null) return -1;
            if (words.negationBlockers.occursIn(plain)) return -1;
            return i;
        }
        return -1;
    }

    /** Positions inside adverbial frames ('在未取得您同意的情况下'), found once per clause. */
    private boolean[] frames(ClauseView v) {
        if (framesOf != v) {
            framesOf = v;
            frames = new boolean[v.text.length()];
            if (v.text.indexOf('在') >= 0) {
                Matcher m = words.adverbialFrame.matcher(v.text);
                while (m.find()) java.util.Arrays.fill(frames, m.start(), m.end(), true);
            }
        }
        return frames;
    }

    /** The first condition of the clause outside marks ('未经…同意', '除非'), found once per clause. */
    private void condition(ClauseView v) {
        if (conditionOf == v) return;
        conditionOf = v;
        conditionStart = -1;
        if (v.text.indexOf('未') < 0 && v.text.indexOf('除') < 0) return;
        Matcher m = words.consentCondition.matcher(v.text);
        while (m.find()) {
            if (v.inMark(m.start())) continue;
            conditionStart = m.start();
            conditionEnd = m.end();
            return;
        }
    }

    /** The longest cue starting at i that is not part of a longer word that is no cue (不仅, 不限于 …). */
    private static String cueAt(String s, int i, WordList cueWords, WordList exceptions) {
        String cue = cueWords.at(s, i);
        return cue == null || exceptions.covers(s, i) ? null : cue;
    }

    /**
     * Consent conditions of the clause: [requiresConsent, requiresSeparateConsent]. A condition that
     * names consent ('未经您的单独同意', '除非获得您的明确同意') requires it, and 单独同意 separately.
     */
    boolean[] consent(ClauseView v) {
        boolean any = false;
        boolean separate = false;
        int next = 0; // positions before it are inside a cue already found
        int read = 0;
        // each cue reads its comma-part up to it: a bound keeps a clause of thousands of cues linear
        for (int i = words.consent.nextStart(v.text, 0); i >= 0 && read < ExtractionBounds.MARKS_PER_KIND;
                i = words.consent.nextStart(v.text, i + 1)) {
            if (i < next || v.inMark(i)) continue;
            String cue = words.consent.at(v.text, i);
            if (cue == null) continue;
            read++;
            boolean conditional = hasCondition(v) && i >= conditionStart && (i < conditionEnd || inSentenceOfCondition(v, i));
            if (!conditional && cancelled(v, i, cue)) continue;
            any = true;
            if (words.separateConsent.covers(v.text, i)) separate = true;
            next = i + cue.length();
        }
        return new boolean[] {any, separate};
    }

    /** '除非获得您的单独同意或法律法规另有规定，否则…': the consent word after 除非, before 否则. */
    private boolean inSentenceOfCondition(ClauseView v, int i) {
        int otherwise = v.text.indexOf("否则", conditionStart);
        return otherwise > i;
    }

    private boolean cancelled(ClauseView v, int i, String cue) {
        String before = v.unmarked(v.partStart(i), i);
        return words.consentCancellers.occursIn(before) || words.consentCancellers.covers(v.text, i)
                || words.consentCancellers.at(v.text, i + cue.length()) != null;
    }
}
