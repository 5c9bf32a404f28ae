package org.privkg.extract;

import java.util.ArrayList;
import java.util.List;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.ClauseView.Span;
import org.privkg.vocab.ActionConcept;

/**
 * The parties on the other side of an action (docs/annotating.md): whom data goes to (向(A)[提供],
 * [提供]给(A), 委托(A)[处理]), whom it comes from (从(A)[获取]) and where it is kept.
 */
final class Counterparties {
    private final Words words;
    private final PartyResolver parties;
    /** The third party most recently named by a mark, for 其 and 对方 in later clauses of the paragraph. */
    private Party lastNamed;
    private int lastNamedParagraph = -1;

    Counterparties(Words words, PartyResolver parties) {
        this.words = words;
        this.parties = parties;
    }

    /** Remembers the clause's last third party named by a mark, for 其 and 对方 later in the paragraph. */
    void rememberNamed(ClauseView v) {
        for (Span e : v.spans(MarkKind.ENTITY)) {
            Party p = parties.classify(e.mark().label());
            if (p.role() == Party.Role.THIRD_PARTY) {
                lastNamed = p;
                lastNamedParagraph = v.clause.paragraph();
            }
        }
    }

    /** 提供/提交 is a Share when the data goes to a party that is neither the first party nor the user. */
    boolean handsToOtherParty(ClauseView v, Act a) {
        List<Party> after = partiesAfterVerb(v, a);
        if (!after.isEmpty()) return after.get(0).role() == Party.Role.THIRD_PARTY;
        int p = lastWordBefore(v, a, words.toward);
        if (p < 0) return false;
        String between = v.text.substring(p, a.from());
        for (Span e : v.spans(MarkKind.ENTITY)) {
            if (e.from() >= p && e.to() <= a.from()) return parties.classify(e.mark().label()).role() == Party.Role.THIRD_PARTY;
        }
        if (v.markBetween(p, a.from())) return false;
        return !parties.partiesIn(between).isEmpty();
    }

    /** Recipients of a Share/Disclose/Transfer/Process (docs/annotating.md). */
    List<Party> recipients(ClauseView v, Act a, Explanation explain) {
        List<Party> found = new ArrayList<>();
        for (Party after : partiesAfterVerb(v, a)) if (after.role() == Party.Role.THIRD_PARTY) found.add(after);
        if (explain.on()) tell(explain, "recipient", found, "named right after [" + a.verb() + "]");
        int p = lastWordBefore(v, a, words.recipientPrepositions);
        if (p >= 0) {
            List<Party> before = partiesBetween(v, p, a.from());
            if (explain.on()) {
                tell(explain, "recipient", before, "after " + words.recipientPrepositions.endingAt(v.text, p)
                        + ", before [" + a.verb() + "]");
            }
            found.addAll(before);
        }
        return Distinct.parties(found);
    }

    /**
     * A place the data is sent toward is the recipient side, not where it is kept: '向(境外)[传输]'. The
     * place marks between the action's recipient preposition and its verb.
     */
    List<Party> placesToward(ClauseView v, Act a, Explanation explain) {
        int p = lastWordBefore(v, a, words.recipientPrepositions);
        if (p < 0) return List.of();
        List<Party> found = new ArrayList<>();
        for (Span e : v.spans(MarkKind.ENTITY)) {
            if (e.from() < p || e.to() > a.from()) continue;
            Party place = parties.classify(e.mark().label());
            if (place.role() == Party.Role.PLACE) found.add(place);
        }
        if (explain.on()) tell(explain, "recipient", found, "a place the data is sent toward, before [" + a.verb() + "]");
        return found;
    }

    /** Tells why each party took its role in the practice of the clause being explained. */
    static void tell(Explanation explain, String role, List<Party> parties, String why) {
        for (Party p : parties) explain.decided(role + " " + p.label() + ": " + why);
    }

    /**
     * Parties the action is entrusted to (PIPL art. 21): 委托(服务商)[处理], also with the object between,
     * 委托服务商对<语音指令>进行[转写].
     */
    List<Party> entrusted(ClauseView v, Act a, Explanation explain) {
        int start = v.partStart(a.from());
        for (int i = a.from(); i > start; i--) {
            if (v.inMark(i - 1) || words.entrustment.endingAt(v.text, i) == null) continue;
            int end = a.from();
            for (Span s : v.spans) {
                if (s.from() < i || s.from() >= a.from()) continue;
                if (s.kind() == MarkKind.ACTION) return List.of(); // 委托 belongs to an earlier action
                if (s.kind() != MarkKind.ENTITY) end = Math.min(end, s.from());
            }
            List<Party> found = partiesBetween(v, i, end);
            if (explain.on()) {
                tell(explain, "recipient", found, "entrusted: " + words.entrustment.endingAt(v.text, i)
                        + " before [" + a.verb() + "] (PIPL art. 21)");
            }
            return found;
        }
        return List.of();
    }

    /**
     * Entity marks announced as the recipient anywhere in the clause: '接收方为(…)', '提供给(…)'. Not one
     * after a marked verb ('[共享]给(商户)'): that is the target of its own action only.
     */
    List<Party> announcedRecipients(ClauseView v, Explanation explain) {
        List<Party> found = new ArrayList<>();
        for (Span e : v.spans(MarkKind.ENTITY)) {
            int partStart = v.partStart(e.from());
            String before = v.text.substring(partStart, e.from()).stripTrailing();
            String cue = words.recipientCues.endingAt(before, before.length());
            if (cue != null && !v.inMark(partStart + before.length() - cue.length())) {
                Party p = parties.classify(e.mark().label());
                if (p.role() == Party.Role.THIRD_PARTY) found.add(p);
            }
        }
        if (explain.on()) tell(explain, "recipient", found, "announced as the recipient in the clause");
        return found;
    }

    /** A 提供 with no target of its own, by the policy's side, right after a flow to a named party. */
    boolean continuesFlow(ClauseView v, Act a, Party subject) {
        if (subject != null && subject.role() != Party.Role.FIRST_PARTY) return false;
        String before = v.unmarked(v.partStart(a.from()), a.from());
        return !words.dataSubject.occursIn(before) && !before.contains("向");
    }

    /**
     * The data goes to the policy's own side: the verb's target after 向/给 is the first party, marked or
     * not ('(车机)会向我们[发送]', '合作保险公司也可能向(我们)[提供]'), so the action is the first party's receiving.
     */
    boolean toOwnSide(ClauseView v, Act a) {
        int p = lastWordBefore(v, a, words.toward);
        if (p < 0) return false;
        Span target = null;
        for (Span e : v.spans(MarkKind.ENTITY)) if (e.from() >= p && e.to() <= a.from()) target = e;
        if (target != null) {
            return parties.classify(target.mark().label()).role() == Party.Role.FIRST_PARTY
                    && v.text.substring(p, target.from()).isBlank() && v.text.substring(target.to(), a.from()).isBlank();
        }
        return !v.markBetween(p, a.from()) && words.firstParty.contains(v.text.substring(p, a.from()).strip());
    }

    /**
     * A party written without a mark as the one who hands data to the policy's side
     * ('合作保险公司也可能向(我们)[提供]'): a lexicon party before the 向 of {@link #toOwnSide} in the
     * comma-part, which names neither the user nor the policy's side as well. Null when there is none.
     * Without 向 and the first party ('监护人需要[提供]') the giver may as well be the user's stand-in.
     */
    Party giverWritten(ClauseView v, Act a, Explanation explain) {
        int start = v.partStart(a.from());
        int p = lastWordBefore(v, a, words.toward);
        if (p < 0 || v.markBetween(start, p) || !toOwnSide(v, a)) return null;
        String zone = v.text.substring(start, p - 1);
        String plain = zone;
        for (String possessive : words.lexicon.parties().possessives()) plain = plain.replace(possessive, "");
        if (words.dataSubject.occursIn(plain) || words.firstParty.occursIn(plain)) return null;
        List<Party> found = parties.partiesIn(zone);
        if (found.isEmpty()) return null;
        if (explain.on()) explain.decided("source " + found.get(0).label() + ": written before [" + a.verb() + "] as the one who hands the data over");
        return found.get(0);
    }

    /** Sources of a Collect-family action (docs/annotating.md); 向 marks a source too, except for 提供 (向我们提供). */
    List<Party> sources(ClauseView v, Act a, ActionConcept concept, Explanation explain) {
        WordList prepositions = concept == ActionConcept.PROVIDE ? words.sourcePrepositions : words.collectSourcePrepositions;
        int p = lastWordBefore(v, a, prepositions);
        if (p < 0) return List.of();
        List<Party> found = Distinct.parties(partiesBetween(v, p, a.from()));
        if (explain.on()) tell(explain, "source", found, "after " + prepositions.endingAt(v.text, p) + ", before [" + a.verb() + "]");
        return found;
    }

    /** A place belongs to the nearest action before it, else the first after (docs/annotating.md). */
    List<Party> placesFor(ClauseView v, List<Act> acts, Act a, Explanation explain) {
        List<Party> mine = new ArrayList<>();
        for (Span e : v.spans(MarkKind.ENTITY)) {
            Party p = parties.classify(e.mark().label());
            if (p.role() != Party.Role.PLACE) continue;
            Act owner = null;
            for (Act x : acts) if (x.to() <= e.from()) owner = x;
            if (owner == null) owner = acts.get(0);
            if (owner.group() == a.group()) {
                mine.add(p);
                if (explain.on()) {
                    explain.decided("place " + p.label() + ": " + (owner.to() <= e.from() ? "the nearest action before it is ["
                            : "no action before it, the first after is [") + a.verb() + "]");
                }
            }
        }
        return Distinct.parties(mine);
    }

    /**
     * Position just after the last preposition in the action's comma-part, or -1. The phrase after it
     * must not hold another action mark or data item before the action.
     */
    private int lastWordBefore(ClauseView v, Act a, WordList prepositions) {
        int start = v.partStart(a.from());
        for (int i = a.from(); i > start; i--) {
            if (v.inMark(i - 1)) continue;
            String w = prepositions.endingAt(v.text, i);
            if (w == null) continue;
            for (Span s : v.spans) {
                if (s.from() >= i && s.to() <= a.from() && (s.kind() == MarkKind.ACTION || s.kind() == MarkKind.DATA)) return -1;
            }
            return i;
        }
        return -1;
    }

    /** Third parties named between a preposition and the verb: entity marks, else the written phrase. */
    private List<Party> partiesBetween(ClauseView v, int from, int to) {
        List<Party> marked = new ArrayList<>();
        boolean anyEntity = false;
        for (Span e : v.spans(MarkKind.ENTITY)) {
            if (e.from() >= from && e.to() <= to) {
                anyEntity = true;
                Party p = parties.classify(e.mark().label());
                if (p.role() == Party.Role.THIRD_PARTY) marked.add(p);
            }
        }
        if (anyEntity) return marked;
        String phrase = v.unmarked(from, to).strip();
        if (words.partyPronouns.contains(phrase)) {
            // '由(安途)提供，…本公司会向其[发送]…': the party just named, in this clause or the paragraph
            Party named = null;
            for (Span e : v.spans(MarkKind.ENTITY)) {
                Party p = parties.classify(e.mark().label());
                if (e.to() <= from && p.role() == Party.Role.THIRD_PARTY) named = p;
            }
            if (named == null && lastNamedParagraph == v.clause.paragraph()) named = lastNamed;
            return named == null ? List.of() : List.of(named);
        }
        return parties.partiesIn(phrase);
    }

    /**
     * Does the text between two party marks after the verb join them as recipients of the same flow? A
     * connective, after a note in parentheses on the first ('(A)（位于韩国）、(B)'), and before a modifier of
     * the second ending in 的 ('(A)及为上述酒店提供服务的(B)').
     */
    private boolean joinsAnotherParty(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) from++;
        if (from < to && (text.charAt(from) == '（' || text.charAt(from) == '(')) {
            int close = text.indexOf(text.charAt(from) == '（' ? '）' : ')', from);
            if (close < 0 || close >= to) return false;
            from = close + 1;
        }
        if (words.isConnective(text, from, to)) return true;
        String connective = words.connectives.at(text, from);
        if (connective == null) return false;
        String modifier = text.substring(from + connective.length(), to).strip();
        for (int k = 0; k < modifier.length(); k++) if ("，,。；;：:（）()".indexOf(modifier.charAt(k)) >= 0) return false;
        return modifier.endsWith("的");
    }

    /** The parties an action hands data to after the verb: [提供]给(A)及(B), [传输]至…, or an entity right after. */
    private List<Party> partiesAfterVerb(ClauseView v, Act a) {
        int i = a.to();
        while (i < v.text.length() && Character.isWhitespace(v.text.charAt(i))) i++;
        String to = v.inMark(i) ? null : words.shareAfterVerb.at(v.text, i);
        int j = to == null ? i : i + to.length();
        while (j < v.text.length() && Character.isWhitespace(v.text.charAt(j))) j++;
        int end = j;
        while (end < v.text.length() && (v.inMark(end) || "，,。；;：:".indexOf(v.text.charAt(end)) < 0)) end++;
        List<Party> marked = new ArrayList<>();
        int reach = j;
        for (Span e : v.spans) {
            if (e.from() < j || e.from() >= end) continue;
            boolean joined = e.from() == reach || (to != null && (reach == j ? !v.markBetween(j, e.from())
                    : joinsAnotherParty(v.text, reach, e.from())));
            if (e.kind() != MarkKind.ENTITY || !joined) break;
            Party p = parties.classify(e.mark().label());
            if (p.role() != Party.Role.PLACE) marked.add(p);
            reach = e.to();
        }
        if (!marked.isEmpty() || to == null) return marked;
        int phraseStart = j;
        for (Span sp : v.spans) if (sp.from() >= phraseStart && sp.from() < end) end = sp.from();
        String phrase = v.text.substring(j, end);
        for (String stop : words.lexicon.cues().phraseEnders()) {
            int k = phrase.indexOf(stop);
            if (k > 0) phrase = phrase.substring(0, k);
        }
        return parties.partiesIn(phrase);
    }
}
