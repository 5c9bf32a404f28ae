package org.privkg.annotate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.privkg.annotate.DataItems.Item;
import org.privkg.annotate.TextParts.Range;
import org.privkg.annotation.MarkKind;
import org.privkg.extract.WordList;
import org.privkg.vocab.AnnotationCues;
import org.privkg.vocab.Lexicon;

/**
 * The rules that propose marks in one clause, in this order, a later mark never overlapping an
 * earlier one: purposes ({@link PurposeRule}); then a lexicon verb whose object (up to the part's end, a purpose cue or a recipient's 给/至)
 * names data items is an action and its items data — 将…提供 takes the object before the verb, and
 * 收集并使用 shares the second verb's object; then, in a clause with an action, its parties and places ({@link PartyRule}).
 */
final class ClauseRules {
    /** A proposed mark in char offsets of the text. */
    record Found(MarkKind kind, int start, int end, double score) {
    }

    static final double ACTION = 0.9;
    static final double DATA_NAMED = 0.85;
    static final double DATA_LISTED = 0.5;
    /** How far after 取得 a consent word makes consent its object (取得您作为监护人的同意: 9 characters). */
    private static final int CONSENT_REACH = 10;

    private final AnnotationCues cues;
    private final DataItems items;
    private final WordList verbs;
    private final WordList partyWords;
    private final WordList questions;
    private final WordList users;
    private final WordList firstParty;
    private final WordList placeMarkers;
    private final WordList topicEnders;
    private final WordList objectStops;
    private final WordList chainConnectives;
    private final WordList verbNounTails;
    private final WordList refusals;
    private final WordList verbHolders;
    private final WordList consentGetters;
    private final WordList verbComplements;
    private final WordList consent;
    private final PurposeRule purposes;
    private final PartyRule parties;

    ClauseRules(Lexicon lexicon, AnnotationCues cues) {
        this.cues = cues;
        this.verbs = new WordList(lexicon.actions().verbs().keySet());
        // places that name where data is kept, less the words that also sit in data names (终端设备信息, 云存储视频)
        this.items = new DataItems(cues, verbs, new WordList(lexicon.parties().places().stream()
                .filter(w -> !cues.notEntities().contains(w)).toList()));
        this.partyWords = WordList.of(lexicon.parties().thirdPartyWords(), lexicon.parties().places());
        this.chainConnectives = new WordList(lexicon.cues().connectives());
        this.purposes = new PurposeRule(cues);
        this.firstParty = new WordList(lexicon.parties().firstParty());
        this.parties = new PartyRule(cues, partyWords, verbs, firstParty, new WordList(lexicon.cues().negation()),
                new WordList(lexicon.cues().notNegation()));
        this.questions = new WordList(cues.questionWords());
        this.users = new WordList(lexicon.parties().dataSubject());
        this.placeMarkers = new WordList(cues.placeMarkers());
        this.topicEnders = new WordList(cues.topicEnders());
        this.objectStops = new WordList(cues.objectStops());
        this.verbNounTails = new WordList(cues.verbNounTails());
        this.refusals = new WordList(cues.refusals());
        this.verbHolders = new WordList(cues.verbHolders());
        this.consentGetters = new WordList(cues.consentGetters());
        this.verbComplements = new WordList(cues.verbComplements());
        this.consent = new WordList(lexicon.cues().consent());
    }

    List<Found> propose(String text, Range clause) {
        List<Range> parts = TextParts.parts(text, clause);
        Taken taken = new Taken(clause);
        List<Found> out = new ArrayList<>();
        for (Range p : parts) purposes.propose(text, p, taken, out);
        int before = out.size();
        actions(text, parts, taken, out);
        if (out.size() > before) parties.propose(text, clause, parts, taken, out);
        return out;
    }

    // ---------------------------------------------------------------- actions and their data

    private record Verb(int start, int end, Range part) {
    }

    private void actions(String text, List<Range> parts, Taken taken, List<Found> out) {
        List<Verb> found = new ArrayList<>();
        for (Range p : parts) {
            for (int i = p.start(); i < p.end(); i++) {
                String v = verbs.at(text, i, p.end());
                if (v == null || heldByWord(text, i)) continue;
                if (isVerbUse(text, i, i + v.length(), p) && taken.free(i, i + v.length())) {
                    found.add(new Verb(i, i + v.length(), p));
                }
                i += v.length() - 1;
            }
        }
        Map<Verb, List<Item>> objects = new HashMap<>();
        for (int k = found.size() - 1; k >= 0; k--) {
            Verb v = found.get(k);
            Verb next = k + 1 < found.size() ? found.get(k + 1) : null;
            objects.put(v, object(text, v, next, parts, objects.get(next)));
        }
        for (Verb v : found) {
            List<Item> data = objects.get(v);
            if (data.isEmpty() || !taken.free(v.start(), v.end())) continue;
            taken.take(v.start(), v.end());
            out.add(new Found(MarkKind.ACTION, v.start(), v.end(), ACTION));
            for (Item it : data) {
                if (!taken.free(it.start(), it.end())) continue;
                taken.take(it.start(), it.end());
                out.add(new Found(MarkKind.DATA, it.start(), it.end(), it.named() ? DATA_NAMED : DATA_LISTED));
            }
        }
    }

    /** A verb of the policy's side, not a word holding one: not 所…的's verb, 提供者, 答题记录, 关联公司, 如何收集, 您可以使用. */
    private boolean isVerbUse(String text, int s, int e, Range part) {
        String verb = text.substring(s, e);
        if (s > part.start()) {
            char before = text.charAt(s - 1);
            if (before == '所') return false;
            if (cues.nounVerbs().contains(verb) && Character.isLetter(before) && cues.verbPreceders().indexOf(before) < 0
                    && TextParts.lastIndexOf(text, '将', part.start(), s) < 0 && TextParts.lastIndexOf(text, '把', part.start(), s) < 0) {
                return false;
            }
        }
        if (e < part.end() && "的者方人商".indexOf(text.charAt(e)) >= 0) return false;
        if (verbNounTails.at(text, e, part.end()) != null || refusals.endingAt(text, s) != null) return false;
        if (modifiesANoun(text, e, part.end()) || getsConsent(text, verb, e, part.end())) return false;
        for (int k = Math.max(part.start(), s - 6); k <= s; k++) {
            String w = partyWords.at(text, k, part.end());
            if (w != null && k + w.length() > s) return false;
        }
        for (int k = part.start(); k < s; k++) if (questions.at(text, k, s) != null) return false;
        if (cues.userVerbs().contains(verb) && userIsSubject(text, part.start(), s)) return false;
        return !items.dataWordAcross(text, Math.max(part.start(), s - 6), s); // 浏览记录's 记录 is no verb
    }

    /** Does 的 follow the verb, after a complement (收集到的) or a connective and another verb (收集和产生的)? */
    private boolean modifiesANoun(String text, int e, int end) {
        String c = verbComplements.at(text, e, end);
        if (c == null) {
            String chain = chainConnectives.at(text, e, end);
            // a verb outside the lexicon is two characters, most often (收集和产生的)
            if (chain != null && e + chain.length() + 2 < end && "您你我其".indexOf(text.charAt(e + chain.length() + 1)) < 0) {
                c = text.substring(e, e + chain.length() + 2);
            }
        }
        return c != null && e + c.length() < end && text.charAt(e + c.length()) == '的';
    }

    /** Is it 取得 or 获得 whose object is consent (取得其监护人同意后, 获得您的明示同意)? */
    private boolean getsConsent(String text, String verb, int e, int end) {
        if (!consentGetters.contains(verb)) return false;
        for (int i = e; i < Math.min(end, e + CONSENT_REACH); i++) if (consent.at(text, i, end) != null) return true;
        return false;
    }

    /** Does a word of verbHolders run across position i (直接收集: the verb is 收集, not 接收)? */
    private boolean heldByWord(String text, int i) {
        String w = i > 0 ? verbHolders.at(text, i - 1) : null;
        return w != null && w.length() > 1;
    }

    /** Is the user the last subject named before a verb (您可以使用, 您发布的), not its object or beneficiary (向您)? */
    private boolean userIsSubject(String text, int from, int verb) {
        int user = -1;
        int own = -1;
        for (int i = from; i < verb; i++) {
            if (users.at(text, i, verb) != null && (i == from || "向给为对与和帮".indexOf(text.charAt(i - 1)) < 0)) user = i;
            if (firstParty.at(text, i, verb) != null) own = i;
        }
        return user > own;
    }

    private List<Item> object(String text, Verb v, Verb next, List<Range> parts, List<Item> nextObject) {
        int from = v.end();
        int to = v.part().end();
        String chain = chainConnectives.at(text, from, to);
        if (next != null && next.part() == v.part() && next.start() == from + (chain == null ? 0 : chain.length())) {
            return nextObject == null ? List.of() : nextObject; // 收集并使用X: X is both verbs' object
        }
        for (int i = from; i < to; i++) {
            if (objectStops.at(text, i, to) != null || (next != null && next.start() == i && i > from
                    && chainConnectives.endingAt(text, i) != null)) {
                to = i;
                break;
            }
        }
        List<Item> found = new ArrayList<>(items.find(text, from, to));
        if (found.isEmpty() && (placeMarkers.at(text, from, v.part().end()) != null || text.startsWith("被", v.start() - 1))) {
            found.addAll(topic(text, v, parts));
        }
        if (found.isEmpty()) {
            int jiang = Math.max(TextParts.lastIndexOf(text, '将', v.part().start(), v.start()),
                    TextParts.lastIndexOf(text, '把', v.part().start(), v.start()));
            if (jiang >= v.part().start()) found.addAll(items.find(text, jiang + 1, v.start()));
        }
        if (!found.isEmpty() && to == v.part().end()) {
            // a list that goes on in the next part: …，包括<A>、<B>
            int k = parts.indexOf(v.part()) + 1;
            if (k < parts.size()) {
                Range p = parts.get(k);
                if (cues.listOpeners().stream().anyMatch(o -> text.startsWith(o, p.start()))
                        || cues.listContinuers().stream().anyMatch(o -> text.startsWith(o, p.start()))) {
                    found.addAll(items.find(text, p.start(), p.end()));
                }
            }
        }
        return found;
    }

    /**
     * The object a verb of placement or a passive takes from before it: 行程轨迹将保存在… → 行程轨迹; with the verb
     * opening its part, the part before: …产生的个人信息，存储在… → 个人信息.
     */
    private List<Item> topic(String text, Verb v, List<Range> parts) {
        int from = v.part().start();
        int to = v.start();
        for (int i = from; i < to; i++) {
            if (topicEnders.at(text, i, to) != null) {
                to = i;
                break;
            }
        }
        if (TextParts.trim(text, from, to).isEmpty()) {
            int k = parts.indexOf(v.part());
            if (k == 0 || to != v.start()) return List.of();
            Range before = parts.get(k - 1);
            from = before.start();
            to = before.end();
        }
        return items.find(text, from, to);
    }
}
