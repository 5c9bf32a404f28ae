package org.privkg.extract;

import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;

/**
 * Who does what a clause says: the latest entity mark standing as a subject, or the policy's own
 * side named without a mark ('我们才会[收集]'); a subject carries over to later clauses of the sentence.
 */
final class Subjects {
    private final Words words;
    private final PartyResolver parties;
    /** The clause {@link #ownerMentions} and {@link #subjects} were found in. */
    private ClauseView mentionsOf;
    private int[] mentionStart = new int[8];
    private int[] mentionEnd = new int[8];
    private int mentions;
    private ClauseView subjectsOf;
    private Party[] subjects;

    Subjects(Words words, PartyResolver parties) {
        this.words = words;
        this.parties = parties;
    }

    /**
     * The latest subject before a position: an entity mark that is not the object of a preposition,
     * or the policy's side written without a mark ('我们才会[收集]'), which ends an earlier subject's reach.
     */
    Party before(ClauseView v, Act a, Party inherited, Explanation explain) {
        return find(v, a.from(), inherited, explain.on() ? explain : null, a);
    }

    /** The subject at the end of the clause, which the next clause of the sentence inherits. */
    Party last(ClauseView v, Party inherited) {
        return find(v, v.text.length(), inherited, null, null);
    }

    /** The subject before {@code pos}; told to {@code explain} (null: nobody asks) as the subject of {@code a}. */
    private Party find(ClauseView v, int pos, Party inherited, Explanation explain, Act a) {
        Party found = null;
        int foundAt = -1;
        Span foundMark = null;
        Span[] entities = v.spans(MarkKind.ENTITY);
        Party[] asSubject = subjects(v);
        for (int k = 0; k < entities.length && entities[k].to() <= pos; k++) {
            if (asSubject[k] != null) {
                found = asSubject[k];
                foundAt = entities[k].from();
                foundMark = entities[k];
            }
        }
        // any unmarked mention of the policy's side after the entity ends its reach
        ownerMentions(v);
        for (int k = 0; k < mentions; k++) {
            if (mentionStart[k] > foundAt && mentionEnd[k] <= pos) {
                if (explain != null) {
                    explain.decided("subject of [" + a.verb() + "]: " + v.text.substring(mentionStart[k], mentionEnd[k])
                            + ", first person written without a mark before it");
                }
                return parties.firstParty;
            }
        }
        if (explain != null) {
            String label = foundMark == null ? null : foundMark.mark().label();
            explain.decided("subject of [" + a.verb() + "]: " + (found != null
                    ? "(" + label + "), " + parties.why(label) + ", stands as subject before it"
                    : inherited != null ? inherited.label() + ", carried over from the sentence or the paragraph's lead-in"
                    : "none written"));
        }
        return found != null ? found : inherited;
    }

    /**
     * Is the entity mark the subject of what follows, not the object of 向, 从, 与 …? The preposition
     * may stand a few words before it: 委托经本公司审核的(服务商).
     */
    private boolean standsAsSubject(ClauseView v, Span e) {
        int before = endOfWordBefore(v.text, e.from());
        if (words.subjectPrepositions.endingAt(v.text, before) != null) return true;
        if (words.objectMarkers.endingAt(v.text, before) != null) return false;
        int start = Math.max(v.partStart(e.from()), e.from() - 12);
        for (int i = e.from(); i > start; i--) {
            if (v.inMark(i - 1) || words.verbAt(v.text, i - 1) != null) return true;
            if (words.recipientPrepositions.endingAt(v.text, i) != null || words.entrustment.endingAt(v.text, i) != null
                    || words.collectSourcePrepositions.endingAt(v.text, i) != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each entity mark of the clause, its party when it stands as a subject (not a place, not the
     * object of a preposition), else null. Found once per clause: every action asks, and the clause end.
     */
    private Party[] subjects(ClauseView v) {
        if (subjectsOf != v) {
            subjectsOf = v;
            Span[] entities = v.spans(MarkKind.ENTITY);
            subjects = new Party[entities.length];
            for (int k = 0; k < entities.length; k++) {
                Party p = parties.classify(entities[k].mark().label());
                if (p.role() != Party.Role.PLACE && standsAsSubject(v, entities[k])) subjects[k] = p;
            }
        }
        return subjects;
    }

    /**
     * Where the clause names the policy's side without a mark as a subject: not inside a mark, not as
     * a possessive (我们的) and not after an object marker (将…). Found once per clause.
     */
    private void ownerMentions(ClauseView v) {
        if (mentionsOf == v) return;
        mentionsOf = v;
        mentions = 0;
        // one pass over the text finds every occurrence of every word (each word may occur in another)
        for (int at = words.firstParty.nextStart(v.text, 0); at >= 0; at = words.firstParty.nextStart(v.text, at + 1)) {
            String[] candidates = words.firstParty.startingAt(v.text, at);
            if (candidates == null) continue;
            for (String w : candidates) {
                if (!v.text.startsWith(w, at)) continue;
                if (v.inMark(at) || v.text.startsWith("的", at + w.length())) continue;
                if (words.objectMarkers.endingAt(v.text, endOfWordBefore(v.text, at)) != null) continue;
                if (mentions == mentionStart.length) {
                    mentionStart = java.util.Arrays.copyOf(mentionStart, mentions * 2);
                    mentionEnd = java.util.Arrays.copyOf(mentionEnd, mentions * 2);
                }
                mentionStart[mentions] = at;
                mentionEnd[mentions++] = at + w.length();
            }
        }
    }

    /** Where text[0, pos) ends once trailing white space is left off: what {@code stripTrailing} keeps. */
    private static int endOfWordBefore(String text, int pos) {
        while (pos > 0 && Character.isWhitespace(text.charAt(pos - 1))) pos--;
        return pos;
    }
}
